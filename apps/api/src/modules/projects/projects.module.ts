import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { ProjectEntity } from './project.entity';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { ThemesController } from './themes.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectEntity]), AccessModule],
  controllers: [ProjectsController, ThemesController],
  providers: [ProjectsService],
  // Transitions read and version the project through ProjectsService.
  exports: [TypeOrmModule, ProjectsService],
})
export class ProjectsModule {}
