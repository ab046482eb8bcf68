import { ApiProperty } from '@nestjs/swagger';
import { LoginRequest } from '@sillon/contracts';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'lead@demo.sillon.fr' })
  @IsEmail() @MaxLength(254)
  email!: string;

  // No length rule here beyond a ceiling: the rules apply when a password is set.
  @ApiProperty({ example: 'sillon-demo' })
  @IsString() @IsNotEmpty() @MaxLength(1024)
  password!: string;
}
