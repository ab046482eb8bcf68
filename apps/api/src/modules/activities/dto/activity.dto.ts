import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ACTIVITY_KINDS,
  ActivityAttendance,
  ActivityExportQuery,
  ActivityKind,
  ActivityListQuery,
  CreateActivityRequest,
  CSV_SEPARATORS,
  CsvSeparator,
  MAX_ACTIVITY_ATTENDANCE,
  MAX_ACTIVITY_LINKS,
  UpdateActivityRequest,
} from '@sillon/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsOptionalNotNull, NullableOptional } from '../../../common/optional-fields';
import { PageQueryDto } from '../../../common/page-query.dto';
import { IsIsoDate } from '../../../common/validators';
import { IsSearch } from '../../../common/word-search';

// A title holds at least one visible character.
const NOT_BLANK = /\S/;

const count = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 0, maximum: MAX_ACTIVITY_ATTENDANCE, default: 0 }),
    IsOptionalNotNull(),
    IsInt(),
    Min(0),
    Max(MAX_ACTIVITY_ATTENDANCE),
  );

// Participants per actor type; a type left out counts 0 (on creation) or stays as it was (on an edit).
export class ActivityAttendanceDto implements Partial<ActivityAttendance> {
  @count() state?: number;
  @count() local_authority?: number;
  @count() association?: number;
  @count() company?: number;
  @count() citizen?: number;
  @count() other?: number;
}

export class CreateActivityDto implements CreateActivityRequest {
  @ApiProperty({ maxLength: 200, example: 'Journée portes ouvertes du lab' })
  @IsString() @IsNotEmpty() @MaxLength(200) @Matches(NOT_BLANK, { message: 'Ce champ est obligatoire.' })
  title!: string;

  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiProperty({ format: 'date', example: '2026-03-12' })
  @IsIsoDate()
  startsOn!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Le même jour ou après le début' })
  @NullableOptional() @IsIsoDate()
  endsOn?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @NullableOptional() @IsString() @MaxLength(200)
  place?: string | null;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @NullableOptional() @IsString() @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Projets du lab de l’activité' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(MAX_ACTIVITY_LINKS) @IsUUID('loose', { each: true })
  projectIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Organisations du lab qui animent l’activité' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(MAX_ACTIVITY_LINKS) @IsUUID('loose', { each: true })
  facilitatorIds?: string[];

  @ApiPropertyOptional({ type: ActivityAttendanceDto })
  @IsOptionalNotNull() @ValidateNested() @Type(() => ActivityAttendanceDto)
  attendance?: ActivityAttendanceDto;
}

export class UpdateActivityDto implements UpdateActivityRequest {
  @ApiProperty({ description: 'Version sur laquelle la modification est fondée' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  version!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull() @IsString() @IsNotEmpty() @MaxLength(200) @Matches(NOT_BLANK, { message: 'Ce champ est obligatoire.' })
  title?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptionalNotNull() @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull() @IsIsoDate()
  startsOn?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @NullableOptional() @IsIsoDate()
  endsOn?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @NullableOptional() @IsString() @MaxLength(200)
  place?: string | null;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @NullableOptional() @IsString() @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Remplace les projets liés' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(MAX_ACTIVITY_LINKS) @IsUUID('loose', { each: true })
  projectIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Remplace les organisations qui animent' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(MAX_ACTIVITY_LINKS) @IsUUID('loose', { each: true })
  facilitatorIds?: string[];

  @ApiPropertyOptional({ type: ActivityAttendanceDto })
  @IsOptionalNotNull() @ValidateNested() @Type(() => ActivityAttendanceDto)
  attendance?: ActivityAttendanceDto;
}

export class ActivityListQueryDto extends PageQueryDto implements ActivityListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('loose')
  lab?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional() @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({ format: 'date', description: 'Commence ce jour ou après' })
  @IsOptional() @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Commence ce jour ou avant' })
  @IsOptional() @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Liée à ce projet' })
  @IsOptional() @IsUUID('loose')
  project?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Chaque mot dans l’intitulé ou le lieu' })
  @IsOptional() @IsString() @MaxLength(200) @IsSearch()
  q?: string;
}

export class ActivityExportQueryDto extends OmitType(ActivityListQueryDto, ['page', 'pageSize'] as const) implements ActivityExportQuery {}

export class ActivityCsvQueryDto extends ActivityExportQueryDto {
  @ApiPropertyOptional({ enum: CSV_SEPARATORS, default: 'semicolon', description: 'Séparateur de colonnes' })
  @IsOptional() @IsIn(CSV_SEPARATORS)
  separator?: CsvSeparator;
}
