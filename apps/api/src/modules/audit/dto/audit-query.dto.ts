import { ApiPropertyOptional } from '@nestjs/swagger';
import { AuditQuery, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@sillon/contracts';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../../common/validators';
import { ToInt } from '../../../common/query-values';

export class AuditQueryDto implements AuditQuery {
  @ApiPropertyOptional({ example: 'project', description: "Type d'enregistrement (project, milestone, funding_line…)" })
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[a-z_]+$/, { message: "Un type d'enregistrement est attendu (lettres minuscules et _)." })
  entity?: string;

  @ApiPropertyOptional({ description: "Identifiant de l'enregistrement" })
  @IsOptional() @IsString() @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('loose')
  lab?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Auteur ou autrice (identifiant du compte)' })
  @IsOptional() @IsUUID('loose')
  actor?: string;

  @ApiPropertyOptional({ example: 'update', description: 'Action (create, update, transition, export…)' })
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[a-z_.]+$/, { message: 'Une action est attendue (lettres minuscules, _ et .).' })
  action?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Premier jour inclus (heure de Paris)' })
  @IsOptional() @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Dernier jour inclus (heure de Paris)' })
  @IsOptional() @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, maximum: MAX_PAGE_SIZE })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
