import { ApiProperty } from '@nestjs/swagger';
import { NEXT_MILESTONES_PROJECTS_MAX } from '@sillon/contracts';
import { ArrayMaxSize, ArrayNotEmpty, IsUUID } from 'class-validator';
import { ToList } from '../../../common/query-values';

export class NextMilestonesQueryDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @ToList() @ArrayNotEmpty() @ArrayMaxSize(NEXT_MILESTONES_PROJECTS_MAX) @IsUUID('loose', { each: true })
  project!: string[];
}
