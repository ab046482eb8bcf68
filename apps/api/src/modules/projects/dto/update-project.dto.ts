import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Health, HEALTH_COMMENT_MAX, HEALTHS, PROJECT_NAME_MAX, PROJECT_SUMMARY_MAX, Theme, THEMES, UpdateProjectRequest } from '@sillon/contracts';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsOptionalNotNull, NullableOptional } from '../../../common/optional-fields';
import { IsIsoDate } from '../../../common/validators';
import { CommunesField, DepartmentsField, HasText, ThemesField } from './project-fields';

// Stage and status are absent on purpose: they change only through a recorded transition.
export class UpdateProjectDto implements UpdateProjectRequest {
  @ApiProperty({ description: 'Version sur laquelle la modification se fonde' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  version!: number;

  @ApiPropertyOptional({ maxLength: PROJECT_NAME_MAX })
  @IsOptionalNotNull() @IsString() @IsNotEmpty() @HasText() @MaxLength(PROJECT_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ maxLength: PROJECT_SUMMARY_MAX })
  @IsOptionalNotNull() @IsString() @MaxLength(PROJECT_SUMMARY_MAX)
  summary?: string;

  @ApiPropertyOptional({ enum: THEMES, isArray: true })
  @IsOptionalNotNull() @ThemesField()
  themes?: Theme[];

  @ApiPropertyOptional({ enum: HEALTHS })
  @IsOptionalNotNull() @IsIn(HEALTHS)
  health?: Health;

  @ApiPropertyOptional({ maxLength: HEALTH_COMMENT_MAX, nullable: true })
  @NullableOptional() @IsString() @MaxLength(HEALTH_COMMENT_MAX)
  healthComment?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Responsables de lab uniquement' })
  @NullableOptional() @IsUUID('loose')
  leadId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull() @DepartmentsField()
  departments?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull() @CommunesField()
  communes?: string[];

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @NullableOptional() @IsIsoDate()
  startDate?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull() @IsBoolean()
  isPublic?: boolean;
}
