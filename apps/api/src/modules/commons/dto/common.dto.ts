import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMON_KINDS,
  COMMON_LICENCES,
  COMMON_REUSES_MAX,
  COMMON_TITLE_MAX,
  COMMON_URL_MAX,
  CommonKind,
  CommonLicence,
  CommonReuseInput,
  CreateCommonRequest,
  DEPARTMENT_CODES,
  REUSE_NOTE_MAX,
  REUSE_TERRITORY_MAX,
  UpdateCommonRequest,
} from '@sillon/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsOptionalNotNull, NullableOptional } from '../../../common/optional-fields';
import { IsIsoDate } from '../../../common/validators';

// http or https, with a host that has a dot (no localhost, no javascript:).
// Texts are kept without their outer spaces: a title of spaces alone is an empty title.
const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

const WEB_URL = { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true, require_tld: true };

export class CommonReuseDto implements CommonReuseInput {
  @ApiProperty({ maxLength: REUSE_TERRITORY_MAX, example: 'Communauté de communes du Pays de Mormal' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(REUSE_TERRITORY_MAX)
  territory!: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_CODES, nullable: true, description: 'Code INSEE du département' })
  @NullableOptional() @IsIn(DEPARTMENT_CODES)
  department?: string | null;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  since!: string;

  @ApiPropertyOptional({ maxLength: REUSE_NOTE_MAX, nullable: true })
  @NullableOptional() @IsString() @MaxLength(REUSE_NOTE_MAX)
  note?: string | null;
}

export class CreateCommonDto implements CreateCommonRequest {
  @ApiProperty({ maxLength: COMMON_TITLE_MAX, example: 'Guide de la médiation numérique en mairie' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(COMMON_TITLE_MAX)
  title!: string;

  @ApiProperty({ enum: COMMON_KINDS })
  @IsIn(COMMON_KINDS)
  kind!: CommonKind;

  @ApiProperty({ enum: COMMON_LICENCES })
  @IsIn(COMMON_LICENCES)
  licence!: CommonLicence;

  @ApiProperty({ maxLength: COMMON_URL_MAX, example: 'https://code.gouv.fr/…' })
  @Trim() @IsString() @MaxLength(COMMON_URL_MAX) @IsUrl(WEB_URL)
  url!: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  publishedOn!: string;

  @ApiPropertyOptional({ type: [CommonReuseDto], maxItems: COMMON_REUSES_MAX })
  @IsOptional() @IsArray() @ArrayMaxSize(COMMON_REUSES_MAX) @ValidateNested({ each: true }) @Type(() => CommonReuseDto)
  reuses?: CommonReuseDto[];
}

export class UpdateCommonDto implements UpdateCommonRequest {
  @ApiProperty()
  @IsInt() @Min(1) @Max(2_147_483_647)
  version!: number;

  @ApiPropertyOptional({ maxLength: COMMON_TITLE_MAX })
  @Trim() @IsOptionalNotNull() @IsString() @IsNotEmpty() @MaxLength(COMMON_TITLE_MAX)
  title?: string;

  @ApiPropertyOptional({ enum: COMMON_KINDS })
  @IsOptionalNotNull() @IsIn(COMMON_KINDS)
  kind?: CommonKind;

  @ApiPropertyOptional({ enum: COMMON_LICENCES })
  @IsOptionalNotNull() @IsIn(COMMON_LICENCES)
  licence?: CommonLicence;

  @ApiPropertyOptional({ maxLength: COMMON_URL_MAX })
  @Trim() @IsOptionalNotNull() @IsString() @MaxLength(COMMON_URL_MAX) @IsUrl(WEB_URL)
  url?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull() @IsIsoDate()
  publishedOn?: string;

  @ApiPropertyOptional({ type: [CommonReuseDto], maxItems: COMMON_REUSES_MAX, description: 'Remplace toute la liste' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(COMMON_REUSES_MAX) @ValidateNested({ each: true }) @Type(() => CommonReuseDto)
  reuses?: CommonReuseDto[];
}
