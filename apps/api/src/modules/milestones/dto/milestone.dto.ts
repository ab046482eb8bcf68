import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateMilestoneRequest,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  MilestoneKind,
  MilestoneListQuery,
  MilestoneOwnerQuery,
  MilestoneStatus,
  Stage,
  STAGES,
  UpdateMilestoneRequest,
} from '@sillon/contracts';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { IsOptionalNotNull, NullableOptional } from '../../../common/optional-fields';
import { ToBoolean } from '../../../common/query-values';
import { IsIsoDate } from '../../../common/validators';

const HTTPS_URL: Parameters<typeof IsUrl>[0] = { protocols: ['https'], require_protocol: true, require_valid_protocol: true };
const MAX_PARTICIPANTS = 1_000_000;

export class CreateMilestoneDto implements CreateMilestoneRequest {
  @ApiProperty({ maxLength: 200, example: 'Atelier de co-design avec les usagers' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: MILESTONE_KINDS })
  @IsIn(MILESTONE_KINDS)
  kind!: MilestoneKind;

  @ApiPropertyOptional({ enum: STAGES, description: 'Par défaut, la phase actuelle du projet' })
  @IsOptional() @IsIn(STAGES)
  stage?: Stage;

  @ApiProperty({ format: 'date', example: '2026-12-15' })
  @IsIsoDate()
  dueOn!: string;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES, default: 'planned' })
  @IsOptional() @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsIsoDate()
  completedOn?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Ateliers, événements et formations uniquement' })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_PARTICIPANTS)
  participantCount?: number;

  @ApiPropertyOptional({ maxLength: 2000, example: 'https://nextcloud.lab.fr/s/compte-rendu' })
  @IsOptional() @IsString() @MaxLength(2000) @IsUrl(HTTPS_URL)
  evidenceUrl?: string;
}

export class UpdateMilestoneDto implements UpdateMilestoneRequest {
  @ApiProperty({ description: 'Version sur laquelle la modification est fondée' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  version!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull() @IsString() @IsNotEmpty() @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: MILESTONE_KINDS })
  @IsOptionalNotNull() @IsIn(MILESTONE_KINDS)
  kind?: MilestoneKind;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptionalNotNull() @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull() @IsIsoDate()
  dueOn?: string;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES, description: 'done pour réaliser, cancelled pour annuler' })
  @IsOptionalNotNull() @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @NullableOptional() @IsIsoDate()
  completedOn?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @NullableOptional() @IsUUID()
  ownerId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @NullableOptional() @IsInt() @Min(0) @Max(MAX_PARTICIPANTS)
  participantCount?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @NullableOptional() @IsString() @MaxLength(2000) @IsUrl(HTTPS_URL)
  evidenceUrl?: string | null;
}

export class MilestoneListQueryDto extends PageQueryDto implements MilestoneListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  lab?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  project?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Responsable du jalon' })
  @IsOptional() @IsUUID()
  owner?: string;

  @ApiPropertyOptional({ enum: STAGES, description: 'Phase à laquelle le jalon appartient' })
  @IsOptional() @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES, description: 'done : les plus récemment réalisés d’abord' })
  @IsOptional() @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @ApiPropertyOptional({ description: 'true : seulement les jalons en retard ; false : seulement ceux qui ne le sont pas' })
  @IsOptional() @ToBoolean() @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'Échéance à partir de ce jour (inclus)' })
  @IsOptional() @IsIsoDate()
  dueFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: "Échéance jusqu'à ce jour (inclus)" })
  @IsOptional() @IsIsoDate()
  dueTo?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Réalisé à partir de ce jour (inclus)' })
  @IsOptional() @IsIsoDate()
  completedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: "Réalisé jusqu'à ce jour (inclus)" })
  @IsOptional() @IsIsoDate()
  completedTo?: string;
}

export class MilestoneOwnerQueryDto implements MilestoneOwnerQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  lab?: string;
}

export class ProjectMilestoneQueryDto extends PageQueryDto {}
