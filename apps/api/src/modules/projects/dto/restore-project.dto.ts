import { ApiProperty } from '@nestjs/swagger';
import { RestoreProjectRequest } from '@sillon/contracts';
import { IsInt, Max, Min } from 'class-validator';

export class RestoreProjectDto implements RestoreProjectRequest {
  @ApiProperty({ description: 'Version du projet archivé sur laquelle la restauration se fonde' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  version!: number;
}
