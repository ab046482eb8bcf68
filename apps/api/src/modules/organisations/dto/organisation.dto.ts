import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateOrganisationRequest,
  ORGANISATION_TYPES,
  OrganisationListQuery,
  OrganisationType,
  UpdateOrganisationRequest,
} from '@sillon/contracts';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsSearch } from '../../../common/word-search';
import { PageQueryDto } from './page-query.dto';
import { IsDepartment, IsOptionalNotNull, IsSiret, NullableOptional } from './validators';

export class CreateOrganisationDto implements CreateOrganisationRequest {
  @ApiProperty({ maxLength: 200, example: 'CCAS de Roubaix' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES)
  type!: OrganisationType;

  @ApiPropertyOptional({ example: '73282932000074', description: '14 chiffres, clé de Luhn' })
  @IsOptional() @IsString() @IsSiret()
  siret?: string;

  @ApiPropertyOptional({ example: '59' })
  @IsOptional() @IsString() @IsDepartment()
  department?: string;
}

export class UpdateOrganisationDto implements UpdateOrganisationRequest {
  @ApiProperty({ description: 'Version sur laquelle la modification est fondée' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  version!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptionalNotNull() @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;

  @ApiPropertyOptional({ nullable: true })
  @NullableOptional() @IsString() @IsSiret()
  siret?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @NullableOptional() @IsString() @IsDepartment()
  department?: string | null;
}

export class OrganisationListQueryDto extends PageQueryDto implements OrganisationListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  lab?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional() @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;

  @ApiPropertyOptional({ maxLength: 200, description: 'Recherche sans casse ni accents dans le nom et le SIRET : chaque mot (8 au plus), dans n’importe quel ordre' })
  @IsOptional() @IsString() @MaxLength(200) @IsSearch()
  q?: string;
}
