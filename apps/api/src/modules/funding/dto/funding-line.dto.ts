import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateFundingLineRequest,
  FUNDING_SCHEMES,
  FUNDING_STATUSES,
  FundingScheme,
  FundingStatus,
  MAX_AMOUNT_CENTS,
  UpdateFundingLineRequest,
} from '@sillon/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsOptionalNotNull, NullableOptional } from '../../../common/optional-fields';
import { IsIsoDate } from '../../../common/validators';

export class CreateFundingLineDto implements CreateFundingLineRequest {
  @ApiPropertyOptional({ format: 'uuid', description: "Organisation financeuse (du lab du projet)" })
  @IsOptional() @IsUUID()
  funderId?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Appel à projets « Territoires d’innovation »' })
  @IsOptional() @IsString() @MaxLength(200)
  label?: string;

  @ApiProperty({ enum: FUNDING_SCHEMES })
  @IsIn(FUNDING_SCHEMES)
  scheme!: FundingScheme;

  @ApiProperty({ description: 'Montant en centimes d’euro (entier)', example: 1250000 })
  @IsInt() @Min(0) @Max(MAX_AMOUNT_CENTS)
  amountCents!: number;

  @ApiPropertyOptional({ enum: FUNDING_STATUSES, default: 'requested' })
  @IsOptional() @IsIn(FUNDING_STATUSES)
  status?: FundingStatus;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsIsoDate()
  requestedOn?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsIsoDate()
  decidedOn?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsIsoDate()
  receivedOn?: string;
}

export class UpdateFundingLineDto implements UpdateFundingLineRequest {
  @ApiProperty()
  @IsInt() @Min(1) @Max(2_147_483_647)
  version!: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @NullableOptional() @IsUUID()
  funderId?: string | null;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull() @IsString() @MaxLength(200)
  label?: string;

  @ApiPropertyOptional({ enum: FUNDING_SCHEMES })
  @IsOptionalNotNull() @IsIn(FUNDING_SCHEMES)
  scheme?: FundingScheme;

  @ApiPropertyOptional()
  @IsOptionalNotNull() @IsInt() @Min(0) @Max(MAX_AMOUNT_CENTS)
  amountCents?: number;

  @ApiPropertyOptional({ enum: FUNDING_STATUSES })
  @IsOptionalNotNull() @IsIn(FUNDING_STATUSES)
  status?: FundingStatus;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @NullableOptional() @IsIsoDate()
  requestedOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @NullableOptional() @IsIsoDate()
  decidedOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @NullableOptional() @IsIsoDate()
  receivedOn?: string | null;
}
