import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { NextMilestone, PipelineOverview, PipelineSummary } from '@sillon/contracts';
import { CurrentPrincipal, Principal } from '../access/principal';
import { NextMilestonesQueryDto } from './dto/next-milestones-query.dto';
import { PipelineOverviewQueryDto } from './dto/pipeline-overview-query.dto';
import { PipelineSummaryQueryDto } from './dto/pipeline-summary-query.dto';
import { PipelineOverviewService } from './pipeline-overview.service';
import { PipelineSummaryService } from './pipeline-summary.service';

@ApiTags('pipeline')
@ApiCookieAuth()
@Controller({ path: 'pipeline' })
export class PipelineController {
  constructor(
    private readonly summaries: PipelineSummaryService,
    private readonly overviews: PipelineOverviewService,
  ) {}

  @Get('summary')
  summary(@CurrentPrincipal() principal: Principal | undefined, @Query() query: PipelineSummaryQueryDto): Promise<PipelineSummary> {
    return this.summaries.summary(principal, query);
  }

  @Get('overview')
  overview(@CurrentPrincipal() principal: Principal | undefined, @Query() query: PipelineOverviewQueryDto): Promise<PipelineOverview> {
    return this.overviews.overview(principal, query);
  }

  @Get('next-milestones')
  nextMilestones(@CurrentPrincipal() principal: Principal | undefined, @Query() query: NextMilestonesQueryDto): Promise<NextMilestone[]> {
    return this.overviews.nextMilestones(principal, query);
  }
}
