import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateProposalRequest, GATE_CRITERIA_PER_STAGE_MAX, RATIONALE_MAX, Stage, STAGES, UNMET_REASON_MAX } from '@sillon/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOptionalNotNull } from '../../../common/optional-fields';

export class CreateProposalDto implements CreateProposalRequest {
  @ApiProperty({ enum: STAGES, description: 'Étape proposée' })
  @IsIn(STAGES)
  to!: Stage;

  @ApiProperty({ maxLength: RATIONALE_MAX, description: 'Motif du passage proposé' })
  @IsString() @IsNotEmpty() @Matches(/\S/) @MaxLength(RATIONALE_MAX)
  rationale!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "Critères de l'étape actuelle remplis" })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(GATE_CRITERIA_PER_STAGE_MAX) @ArrayUnique() @IsUUID('loose', { each: true })
  criteriaMet?: string[];

  @ApiPropertyOptional({ maxLength: UNMET_REASON_MAX, description: 'Pourquoi passer malgré des critères non remplis ou en sautant une étape' })
  @IsOptionalNotNull() @IsString() @IsNotEmpty() @Matches(/\S/) @MaxLength(UNMET_REASON_MAX)
  unmetReason?: string;

  @ApiPropertyOptional({ description: 'Version du projet sur laquelle la proposition se fonde' })
  @IsOptionalNotNull() @IsInt() @Min(1) @Max(2_147_483_647)
  version?: number;
}
