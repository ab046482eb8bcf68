import { ApiPropertyOptional } from '@nestjs/swagger';
import { PipelineOverviewQuery, STALLED_DAYS_DEFAULT, STALLED_DAYS_MAX, STALLED_DAYS_MIN } from '@sillon/contracts';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToInt } from '../../../common/query-values';
import { PipelineSummaryQueryDto } from './pipeline-summary-query.dto';

export class PipelineOverviewQueryDto extends PipelineSummaryQueryDto implements PipelineOverviewQuery {
  @ApiPropertyOptional({ default: STALLED_DAYS_DEFAULT, minimum: STALLED_DAYS_MIN, maximum: STALLED_DAYS_MAX })
  @IsOptional() @ToInt() @IsInt() @Min(STALLED_DAYS_MIN) @Max(STALLED_DAYS_MAX)
  stalledDays?: number;
}
