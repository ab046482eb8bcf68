import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateUserRequest, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, Role, ROLES } from '@sillon/contracts';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsPassword } from '../../auth/password-length';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'camille.martin@example.gouv.fr' })
  @IsEmail() @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Camille Martin' })
  @IsString() @IsNotEmpty() @MaxLength(120)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Obligatoire pour project_lead et lab_manager' })
  @IsOptional() @IsUUID('loose')
  labId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Obligatoire pour regional_director' })
  @IsOptional() @IsUUID('loose')
  regionId?: string | null;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'Mot de passe initial, de 8 à 128 caractères quelconques' })
  @IsPassword()
  password!: string;
}
