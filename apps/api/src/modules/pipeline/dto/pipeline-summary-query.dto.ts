import { ApiPropertyOptional } from '@nestjs/swagger';
import { PipelineSummaryQuery } from '@sillon/contracts';
import { IsOptional, IsUUID } from 'class-validator';

export class PipelineSummaryQueryDto implements PipelineSummaryQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('loose')
  lab?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('loose')
  region?: string;
}
