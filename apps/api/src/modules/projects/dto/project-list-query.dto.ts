import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEFAULT_PAGE_SIZE,
  Health,
  HEALTHS,
  MAX_PAGE_SIZE,
  PROJECT_ARCHIVED_FILTERS,
  PROJECT_SORTS,
  ProjectArchivedFilter,
  ProjectListQuery,
  ProjectSort,
} from '@sillon/contracts';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsSearch } from '../../../common/word-search';
import { PortfolioFilterDto } from '../../../common/portfolio-filter.dto';
import { ToBoolean, ToInt, ToList } from '../../../common/query-values';

const SORTS = PROJECT_SORTS.flatMap((s) => [s, `-${s}`]);

export class ProjectListQueryDto extends PortfolioFilterDto implements ProjectListQuery {
  @ApiPropertyOptional({ enum: HEALTHS, isArray: true })
  @IsOptional() @ToList() @ArrayMaxSize(10) @IsIn(HEALTHS, { each: true })
  health?: Health[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional() @ToList() @ArrayMaxSize(50) @IsUUID('loose', { each: true })
  lead?: string[];

  @ApiPropertyOptional({ description: 'Recherche sans casse ni accents dans le code, le nom et le résumé : chaque mot (8 au plus), dans n’importe quel ordre' })
  @IsOptional() @IsString() @MaxLength(200) @IsSearch()
  q?: string;

  @ApiPropertyOptional({ enum: SORTS, default: '-updatedAt' })
  @IsOptional() @IsIn(SORTS)
  sort?: ProjectSort;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, maximum: MAX_PAGE_SIZE })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ enum: ['true', 'false', 'only'], description: 'Responsables de lab : true inclut les projets archivés, only ne liste que ceux-là' })
  @IsOptional() @ToBoolean() @IsIn(PROJECT_ARCHIVED_FILTERS)
  archived?: ProjectArchivedFilter;
}
