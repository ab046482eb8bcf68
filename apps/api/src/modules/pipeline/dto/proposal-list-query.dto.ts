import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PROPOSAL_STATUSES, ProposalListQuery, ProposalStatus } from '@sillon/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ToBoolean, ToInt } from '../../../common/query-values';

export class ProposalListQueryDto implements ProposalListQuery {
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES })
  @IsOptional() @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('loose')
  project?: string;

  @ApiPropertyOptional({ description: 'Décidées et pas encore vues par la personne qui les a faites' })
  @IsOptional() @ToBoolean() @IsBoolean()
  unseen?: boolean;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, maximum: MAX_PAGE_SIZE })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
