import { NotFoundException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PipelineSummary, PipelineSummaryCell, PROJECT_STATUSES, ProjectStatus, Stage, STAGES } from '@sillon/contracts';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { LAB_NOT_FOUND, ProjectAccessPolicy } from '../projects/project-access.policy';
import { PipelineSummaryQueryDto } from './dto/pipeline-summary-query.dto';

@Injectable()
export class PipelineSummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ProjectAccessPolicy,
  ) {}

  // Counts of non-archived projects per stage × status, for one lab or one region within the caller's reach.
  async summary(principal: Principal | undefined, query: PipelineSummaryQueryDto): Promise<PipelineSummary> {
    this.policy.assertPortfolioReader(principal);
    const params: unknown[] = [];
    const where = ['p.archived_at IS NULL', this.policy.labScope(principal, 'p.lab_id', params)];
    if (query.lab) {
      const [lab] = await this.dataSource.query(`SELECT id, region_id FROM lab WHERE id = $1`, [query.lab]);
      if (!lab || !this.policy.canReadLab(principal, { id: lab.id, regionId: lab.region_id })) throw new NotFoundException(LAB_NOT_FOUND);
      params.push(query.lab);
      where.push(`p.lab_id = $${params.length}`);
    }
    if (query.region) {
      if (query.region !== principal.regionId) throw new NotFoundException("Cette région n'existe pas ou n'est pas accessible.");
      params.push(query.region);
      where.push(`p.lab_id IN (SELECT id FROM lab WHERE region_id = $${params.length})`);
    }
    const rows: { stage: Stage; status: ProjectStatus; count: number }[] = await this.dataSource.query(
      `SELECT p.stage, p.status, count(*)::int AS count FROM project p WHERE ${where.join(' AND ')} GROUP BY p.stage, p.status`,
      params,
    );
    const cells: PipelineSummaryCell[] = STAGES.flatMap((stage) =>
      PROJECT_STATUSES.map((status) => ({ stage, status, count: rows.find((r) => r.stage === stage && r.status === status)?.count ?? 0 })),
    );
    const byStage = Object.fromEntries(STAGES.map((stage) => [stage, cells.filter((c) => c.stage === stage).reduce((n, c) => n + c.count, 0)])) as Record<
      Stage,
      number
    >;
    return {
      labId: query.lab ?? (principal.role === 'regional_director' ? null : principal.labId),
      regionId: query.region ?? (query.lab ? null : principal.role === 'regional_director' ? principal.regionId : null),
      total: cells.reduce((n, c) => n + c.count, 0),
      cells,
      byStage,
    };
  }
}
