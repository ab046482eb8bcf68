import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreatePartnerRequest, PARTNER_ROLES, PartnerRole } from '@sillon/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate } from '../../../common/validators';

export class CreatePartnerDto implements CreatePartnerRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ enum: PARTNER_ROLES })
  @IsIn(PARTNER_ROLES)
  role!: PartnerRole;

  @ApiPropertyOptional({ format: 'date', example: '2026-01-15' })
  @IsOptional() @IsIsoDate()
  since?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  contactId?: string;
}
