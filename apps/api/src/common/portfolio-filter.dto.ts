import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTMENT_CODE_PATTERN, PROJECT_STATUSES, ProjectStatus, Stage, STAGES, Theme, THEMES } from '@sillon/contracts';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ToList } from './query-values';

// The portfolio filters a project list and a report share: declared once, validated alike.
export class PortfolioFilterDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional() @ToList() @ArrayMaxSize(50) @IsUUID('loose', { each: true })
  lab?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Une région : les projets de ses labs.' })
  @IsOptional() @IsUUID('loose')
  region?: string;

  @ApiPropertyOptional({ enum: STAGES, isArray: true })
  @IsOptional() @ToList() @ArrayMaxSize(10) @IsIn(STAGES, { each: true })
  stage?: Stage[];

  @ApiPropertyOptional({ enum: PROJECT_STATUSES, isArray: true })
  @IsOptional() @ToList() @ArrayMaxSize(10) @IsIn(PROJECT_STATUSES, { each: true })
  status?: ProjectStatus[];

  @ApiPropertyOptional({ enum: THEMES, isArray: true })
  @IsOptional() @ToList() @ArrayMaxSize(20) @IsIn(THEMES, { each: true })
  theme?: Theme[];

  @ApiPropertyOptional({ type: [String], example: ['59'] })
  @IsOptional() @ToList() @ArrayMaxSize(120) @Matches(DEPARTMENT_CODE_PATTERN, { each: true })
  department?: string[];
}
