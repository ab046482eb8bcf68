import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ContactListQuery, CreateContactRequest, UpdateContactRequest } from '@sillon/contracts';
import { IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { IsOptionalNotNull, NullableOptional } from '../../../common/optional-fields';

const PHONE = /^\+?[0-9 .()-]{6,32}$/;
const PHONE_MESSAGE = 'Un numéro de téléphone est attendu (chiffres, espaces, points, tirets, + en tête).';

export class CreateContactDto implements CreateContactRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ maxLength: 200, example: 'Camille Lefebvre' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  fullName!: string;

  @ApiProperty({ maxLength: 254 })
  @IsString() @MaxLength(254) @IsEmail()
  email!: string;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOptional() @IsString() @MaxLength(32) @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Directrice' })
  @IsOptional() @IsString() @MaxLength(200)
  roleTitle?: string;
}

export class UpdateContactDto implements UpdateContactRequest {
  @ApiProperty()
  @IsInt() @Min(1) @Max(2_147_483_647)
  version!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull() @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull() @IsString() @IsNotEmpty() @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptionalNotNull() @IsString() @MaxLength(254) @IsEmail()
  email?: string;

  @ApiPropertyOptional({ nullable: true })
  @NullableOptional() @IsString() @MaxLength(32) @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @NullableOptional() @IsString() @MaxLength(200)
  roleTitle?: string | null;
}

export class ContactListQueryDto extends PageQueryDto implements ContactListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  organisation?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  lab?: string;
}
