import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_KINDS, ImportKind } from '@sillon/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

// The text fields of a multipart import request; the file comes as `file`.
export class AnalyseImportDto {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;
}

export class RunImportDto extends AnalyseImportDto {
  @ApiPropertyOptional({ description: 'Correspondance champ → colonne du fichier, en JSON : {"name": "Nom du projet", "stage": "Étape"}', maxLength: 10000 })
  @IsOptional() @IsString() @MaxLength(10_000)
  mapping?: string;
}
