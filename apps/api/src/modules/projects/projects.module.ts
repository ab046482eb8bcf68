import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { ProjectExportController } from './project-export.controller';
import { ProjectExportService } from './project-export.service';
import { ProjectEntity } from './project.entity';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { ThemesController } from './themes.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectEntity]), AccessModule],
  controllers: [ProjectsController, ProjectExportController, ThemesController],
  providers: [ProjectsService, ProjectExportService],
  // Transitions read and version the project through ProjectsService.
  exports: [TypeOrmModule, ProjectsService],
})
export class ProjectsModule {}
