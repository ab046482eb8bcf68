import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { PipelineSummary } from '@sillon/contracts';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { PipelineSummaryQueryDto } from './dto/pipeline-summary-query.dto';
import { PipelineSummaryService } from './pipeline-summary.service';

@ApiTags('pipeline')
@ApiCookieAuth()
@Controller({ path: 'pipeline' })
export class PipelineController {
  constructor(private readonly summaries: PipelineSummaryService) {}

  @Get('summary')
  summary(@CurrentPrincipal() principal: Principal | undefined, @Query() query: PipelineSummaryQueryDto): Promise<PipelineSummary> {
    return this.summaries.summary(principal, query);
  }
}
