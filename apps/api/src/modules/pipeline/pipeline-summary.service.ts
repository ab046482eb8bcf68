import { Injectable } from '@nestjs/common';
import { PipelineSummary, PipelineSummaryCell, PROJECT_STATUSES, ProjectStatus, Stage, STAGES } from '@sillon/contracts';
import { PreparedStatements } from '../../database/prepared-statements';
import { Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { PipelineSummaryQueryDto } from './dto/pipeline-summary-query.dto';
import { PipelineScope } from './pipeline-scope';

@Injectable()
export class PipelineSummaryService {
  constructor(
    private readonly statements: PreparedStatements,
    private readonly policy: ProjectAccessPolicy,
    private readonly scope: PipelineScope,
  ) {}

  // Counts of non-archived projects per stage × status, for one lab or one region within the caller's
  // reach: read from the counts the project table's trigger maintains (migration PipelineCounts).
  async summary(principal: Principal | undefined, query: PipelineSummaryQueryDto): Promise<PipelineSummary> {
    this.policy.assertPortfolioReader(principal);
    const params: unknown[] = [];
    const { where, labId, regionId } = await this.scope.resolve(principal, query, 'c.lab_id', params);
    const rows = await this.statements.query<{ stage: Stage; status: ProjectStatus; count: number }>(
      `SELECT c.stage, c.status, sum(c.count)::int AS count FROM pipeline_count c WHERE ${where.join(' AND ')} GROUP BY c.stage, c.status`,
      params,
    );
    const cells: PipelineSummaryCell[] = STAGES.flatMap((stage) =>
      PROJECT_STATUSES.map((status) => ({ stage, status, count: rows.find((r) => r.stage === stage && r.status === status)?.count ?? 0 })),
    );
    const byStage = Object.fromEntries(STAGES.map((stage) => [stage, cells.filter((c) => c.stage === stage).reduce((n, c) => n + c.count, 0)])) as Record<
      Stage,
      number
    >;
    return { labId, regionId, total: cells.reduce((n, c) => n + c.count, 0), cells, byStage };
  }
}
