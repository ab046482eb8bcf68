import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  CSV_SEPARATORS,
  CsvSeparator,
  DEPARTMENT_CODE_PATTERN,
  PortfolioCsvQuery,
  PortfolioReportQuery,
  PROJECT_STATUSES,
  ProjectStatus,
  REPORT_TABLES,
  ReportTable,
  Stage,
  STAGES,
  Theme,
  THEMES,
} from '@sillon/contracts';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsIsoDate } from '../../organisations/dto/validators';
import { ToList } from '../../projects/dto/query-values';

export class PortfolioReportQueryDto implements PortfolioReportQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Début de la période (inclus). Par défaut : 1er janvier de l’année de `to`.' })
  @IsOptional() @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Fin de la période (incluse). Par défaut : aujourd’hui.' })
  @IsOptional() @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Le portefeuille tel qu’il était à la fin de ce jour. Par défaut : aujourd’hui.' })
  @IsOptional() @IsIsoDate()
  asOf?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional() @ToList() @ArrayMaxSize(50) @IsUUID('loose', { each: true })
  lab?: string[];

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

export class PortfolioCsvQueryDto extends PortfolioReportQueryDto implements PortfolioCsvQuery {
  @ApiPropertyOptional({ enum: REPORT_TABLES, description: 'Une seule table ; sans ce paramètre, une archive zip de toutes les tables.' })
  @IsOptional() @IsIn(REPORT_TABLES)
  table?: ReportTable;

  @ApiPropertyOptional({ enum: CSV_SEPARATORS, default: 'semicolon' })
  @IsOptional() @IsIn(CSV_SEPARATORS)
  separator?: CsvSeparator;
}
