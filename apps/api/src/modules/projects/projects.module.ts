import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { ProjectEntity } from './project.entity';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { ThemesController } from './themes.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectEntity])],
  controllers: [ProjectsController, ThemesController],
  providers: [ProjectsService, ProjectAccessPolicy],
  // Milestones, partners and funding check access through ProjectsService.findVisibleOrFail/assertCanWrite.
  exports: [TypeOrmModule, ProjectsService, ProjectAccessPolicy],
})
export class ProjectsModule {}
