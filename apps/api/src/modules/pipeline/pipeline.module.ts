import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { ProjectsModule } from '../projects/projects.module';
import { GateCriteriaController } from './gate-criteria.controller';
import { GateCriteriaService } from './gate-criteria.service';
import { GateCriterionEntity } from './gate-criterion.entity';
import { PipelineOverviewService } from './pipeline-overview.service';
import { PipelineScope } from './pipeline-scope';
import { PipelineSummaryService } from './pipeline-summary.service';
import { PipelineController } from './pipeline.controller';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';
import { TransitionsController } from './transitions.controller';
import { TransitionsService } from './transitions.service';

@Module({
  imports: [TypeOrmModule.forFeature([GateCriterionEntity]), AccessModule, ProjectsModule],
  controllers: [TransitionsController, ProposalsController, GateCriteriaController, PipelineController],
  providers: [TransitionsService, ProposalsService, GateCriteriaService, PipelineScope, PipelineSummaryService, PipelineOverviewService],
  exports: [TransitionsService],
})
export class PipelineModule {}
