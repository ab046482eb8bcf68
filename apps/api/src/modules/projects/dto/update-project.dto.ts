import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Health, HEALTH_COMMENT_MAX, HEALTHS, PROJECT_NAME_MAX, PROJECT_SUMMARY_MAX, Theme, THEMES, UpdateProjectRequest } from '@sillon/contracts';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CommunesField, DateField, DepartmentsField, HasText, Nullable, Optional, ThemesField } from './project-fields';

// Stage and status are absent on purpose: they change only through a recorded transition.
export class UpdateProjectDto implements UpdateProjectRequest {
  @ApiProperty({ description: 'Version sur laquelle la modification se fonde' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  version!: number;

  @ApiPropertyOptional({ maxLength: PROJECT_NAME_MAX })
  @Optional() @IsString() @IsNotEmpty() @HasText() @MaxLength(PROJECT_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ maxLength: PROJECT_SUMMARY_MAX })
  @Optional() @IsString() @MaxLength(PROJECT_SUMMARY_MAX)
  summary?: string;

  @ApiPropertyOptional({ enum: THEMES, isArray: true })
  @Optional() @ThemesField()
  themes?: Theme[];

  @ApiPropertyOptional({ enum: HEALTHS })
  @Optional() @IsIn(HEALTHS)
  health?: Health;

  @ApiPropertyOptional({ maxLength: HEALTH_COMMENT_MAX, nullable: true })
  @Nullable() @IsString() @MaxLength(HEALTH_COMMENT_MAX)
  healthComment?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Responsables de lab uniquement' })
  @Nullable() @IsUUID('loose')
  leadId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @Optional() @DepartmentsField()
  departments?: string[];

  @ApiPropertyOptional({ type: [String] })
  @Optional() @CommunesField()
  communes?: string[];

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @Nullable() @DateField()
  startDate?: string | null;

  @ApiPropertyOptional()
  @Optional() @IsBoolean()
  isPublic?: boolean;
}
