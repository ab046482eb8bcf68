import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GATE_CRITERIA_PER_STAGE_MAX, GATE_CRITERION_LABEL_MAX, ReplaceGateCriteriaRequest } from '@sillon/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsOptionalNotNull } from '../../../common/optional-fields';

export class GateCriterionInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Critère existant à garder (absent : nouveau critère)" })
  @IsOptionalNotNull() @IsUUID('loose')
  id?: string;

  @ApiProperty({ maxLength: GATE_CRITERION_LABEL_MAX })
  @IsString() @IsNotEmpty() @Matches(/\S/) @MaxLength(GATE_CRITERION_LABEL_MAX)
  label!: string;
}

export class ReplaceGateCriteriaDto implements ReplaceGateCriteriaRequest {
  @ApiProperty({ type: [GateCriterionInputDto] })
  @IsArray() @ArrayMaxSize(GATE_CRITERIA_PER_STAGE_MAX) @ValidateNested({ each: true }) @Type(() => GateCriterionInputDto)
  criteria!: GateCriterionInputDto[];
}
