import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateProjectRequest,
  Health,
  HEALTH_COMMENT_MAX,
  HEALTHS,
  PROJECT_NAME_MAX,
  PROJECT_SUMMARY_MAX,
  Stage,
  STAGES,
  Theme,
  THEMES,
} from '@sillon/contracts';
import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOptionalNotNull, NullableOptional } from '../../../common/optional-fields';
import { IsIsoDate } from '../../../common/validators';
import { CommunesField, DepartmentsField, HasText, ThemesField } from './project-fields';

export class CreateProjectDto implements CreateProjectRequest {
  @ApiProperty({ maxLength: PROJECT_NAME_MAX })
  @IsString() @IsNotEmpty() @HasText() @MaxLength(PROJECT_NAME_MAX)
  name!: string;

  @ApiPropertyOptional({ maxLength: PROJECT_SUMMARY_MAX })
  @IsOptionalNotNull() @IsString() @MaxLength(PROJECT_SUMMARY_MAX)
  summary?: string;

  @ApiPropertyOptional({ enum: THEMES, isArray: true })
  @IsOptionalNotNull() @ThemesField()
  themes?: Theme[];

  @ApiPropertyOptional({ enum: STAGES, default: 'co_design', description: 'Une autre étape que co_design : responsable du lab seulement (403 sinon)' })
  @IsOptionalNotNull() @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ enum: HEALTHS, default: 'green' })
  @IsOptionalNotNull() @IsIn(HEALTHS)
  health?: Health;

  @ApiPropertyOptional({ maxLength: HEALTH_COMMENT_MAX, nullable: true })
  @NullableOptional() @IsString() @MaxLength(HEALTH_COMMENT_MAX)
  healthComment?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @NullableOptional() @IsUUID('loose')
  leadId?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['59', '62'] })
  @IsOptionalNotNull() @DepartmentsField()
  departments?: string[];

  @ApiPropertyOptional({ type: [String], example: ['59350'] })
  @IsOptionalNotNull() @CommunesField()
  communes?: string[];

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @NullableOptional() @IsIsoDate()
  startDate?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNotNull() @IsBoolean()
  isPublic?: boolean;
}
