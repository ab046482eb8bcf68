import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, Health, HEALTHS, MAX_PAGE_SIZE, PROJECT_SORTS, ProjectListQuery, ProjectSort } from '@sillon/contracts';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsSearch } from '../../../common/word-search';
import { PortfolioFilterDto } from './portfolio-filter.dto';
import { ToBoolean, ToInt, ToList } from './query-values';

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

  @ApiPropertyOptional({ description: 'Responsables de lab : inclure les projets archivés' })
  @IsOptional() @ToBoolean() @IsBoolean()
  archived?: boolean;
}
