import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { CSV_SEPARATORS, CsvSeparator, ProjectExportQuery } from '@sillon/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { ProjectListQueryDto } from './project-list-query.dto';

// The list's filters and sort, without a page: an export holds every project they select.
export class ProjectExportQueryDto extends OmitType(ProjectListQueryDto, ['page', 'pageSize'] as const) implements ProjectExportQuery {}

export class ProjectCsvQueryDto extends ProjectExportQueryDto {
  @ApiPropertyOptional({ enum: CSV_SEPARATORS, default: 'semicolon', description: 'Séparateur de colonnes' })
  @IsOptional() @IsIn(CSV_SEPARATORS)
  separator?: CsvSeparator;
}
