import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectAccessPolicy } from './project-access.policy';
import { ProjectExportController } from './project-export.controller';
import { ProjectExportService } from './project-export.service';
import { ProjectEntity } from './project.entity';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { ThemesController } from './themes.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectEntity])],
  controllers: [ProjectsController, ProjectExportController, ThemesController],
  providers: [ProjectsService, ProjectExportService, ProjectAccessPolicy],
  // Milestones, partners and funding check access through ProjectsService.findVisibleOrFail/assertCanWrite.
  exports: [TypeOrmModule, ProjectsService, ProjectAccessPolicy],
})
export class ProjectsModule {}
