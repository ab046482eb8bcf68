import { ApiPropertyOptional } from '@nestjs/swagger';
import { CSV_SEPARATORS, CsvSeparator, PortfolioCsvQuery, PortfolioReportQuery, REPORT_TABLES, ReportTable } from '@sillon/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { IsIsoDate } from '../../../common/validators';
import { PortfolioFilterDto } from '../../../common/portfolio-filter.dto';

export class PortfolioReportQueryDto extends PortfolioFilterDto implements PortfolioReportQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Début de la période (inclus). Par défaut : 1er janvier de l’année de `to`.' })
  @IsOptional() @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Fin de la période (incluse). Par défaut : aujourd’hui.' })
  @IsOptional() @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Le portefeuille tel qu’il était à la fin de ce jour. Par défaut : aujourd’hui.' })
  @IsOptional() @IsIsoDate()
  asOf?: string;





}

export class PortfolioCsvQueryDto extends PortfolioReportQueryDto implements PortfolioCsvQuery {
  @ApiPropertyOptional({ enum: REPORT_TABLES, description: 'Une seule table ; sans ce paramètre, une archive zip de toutes les tables.' })
  @IsOptional() @IsIn(REPORT_TABLES)
  table?: ReportTable;

  @ApiPropertyOptional({ enum: CSV_SEPARATORS, default: 'semicolon' })
  @IsOptional() @IsIn(CSV_SEPARATORS)
  separator?: CsvSeparator;
}
