import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, Role, ROLES, UpdateUserRequest } from '@sillon/contracts';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsPassword } from '../../auth/password-length';

export class UpdateUserDto implements UpdateUserRequest {
  @ApiProperty({ description: 'Version du compte sur laquelle porte la modification' })
  @IsInt() @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional() @IsUUID('loose')
  labId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional() @IsUUID('loose')
  regionId?: string | null;

  @ApiPropertyOptional({ description: 'false désactive le compte et met fin à ses sessions' })
  @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsOptional() @IsPassword()
  password?: string;
}
