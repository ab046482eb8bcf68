import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateTransitionRequest,
  GATE_CRITERIA_PER_STAGE_MAX,
  PROJECT_STATUSES,
  ProjectStatus,
  RATIONALE_MAX,
  Stage,
  STAGES,
  UNMET_REASON_MAX,
} from '@sillon/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOptionalNotNull } from '../../../common/optional-fields';

export class CreateTransitionDto implements CreateTransitionRequest {
  @ApiPropertyOptional({ enum: STAGES, description: 'Étape visée' })
  @IsOptionalNotNull() @IsIn(STAGES)
  to?: Stage;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES, description: 'Statut visé (arrêt, pause, reprise, essaimage)' })
  @IsOptionalNotNull() @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @ApiProperty({ maxLength: RATIONALE_MAX, description: "Motif de la décision ; pour un arrêt, l'enseignement tiré" })
  @IsString() @IsNotEmpty() @Matches(/\S/) @MaxLength(RATIONALE_MAX)
  rationale!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "Critères de l'étape actuelle remplis" })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(GATE_CRITERIA_PER_STAGE_MAX) @ArrayUnique() @IsUUID('loose', { each: true })
  criteriaMet?: string[];

  @ApiPropertyOptional({ maxLength: UNMET_REASON_MAX, description: 'Responsable de lab : pourquoi passer malgré des critères non remplis ou en sautant une étape' })
  @IsOptionalNotNull() @IsString() @IsNotEmpty() @Matches(/\S/) @MaxLength(UNMET_REASON_MAX)
  unmetReason?: string;

  @ApiPropertyOptional({ description: 'Version du projet sur laquelle la décision se fonde' })
  @IsOptionalNotNull() @IsInt() @Min(1) @Max(2_147_483_647)
  version?: number;
}
