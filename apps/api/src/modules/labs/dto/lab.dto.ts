import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateLabRequest, CreateRegionRequest, UpdateLabRequest, UpdateRegionRequest } from '@sillon/contracts';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';

// INSEE département codes: 01–95, 2A, 2B, 971–976.
const DEPARTMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;
const LAB_CODE = /^[A-Z]{3}$/;

export class CreateRegionDto implements CreateRegionRequest {
  @ApiProperty({ example: 'Hauts-de-France' })
  @IsString() @IsNotEmpty() @MaxLength(120)
  name!: string;
}

export class UpdateRegionDto extends CreateRegionDto implements UpdateRegionRequest {}

export class CreateLabDto implements CreateLabRequest {
  @ApiProperty({ example: 'Lab ESS Hauts-de-France' })
  @IsString() @IsNotEmpty() @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'LIL', description: 'Trois lettres capitales, préfixe des codes projet' })
  @IsString() @Matches(LAB_CODE, { message: 'Trois lettres capitales sont attendues (ex. LIL).' })
  code!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('loose')
  regionId!: string;

  @ApiPropertyOptional({ type: [String], example: ['59', '62'] })
  @IsOptional() @IsArray() @ArrayMaxSize(120)
  @Matches(DEPARTMENT, { each: true, message: 'Un code de département INSEE est attendu (ex. 59, 2A, 974).' })
  departments?: string[];
}

export class UpdateLabDto implements UpdateLabRequest {
  @ApiProperty({ description: "Version de l'enregistrement sur laquelle porte la modification" })
  @IsInt() @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @Matches(LAB_CODE, { message: 'Trois lettres capitales sont attendues (ex. LIL).' })
  code?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('loose')
  regionId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(120)
  @Matches(DEPARTMENT, { each: true, message: 'Un code de département INSEE est attendu (ex. 59, 2A, 974).' })
  departments?: string[];
}

export class LabListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Les labs d'une région" })
  @IsOptional() @IsUUID('loose')
  region?: string;
}
