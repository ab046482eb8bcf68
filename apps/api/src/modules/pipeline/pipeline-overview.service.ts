import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DepartmentCount,
  FUNDING_STATUSES,
  FundingStatus,
  LeadCount,
  NextMilestone,
  PipelineOverview,
  PROJECT_STATUSES,
  ProjectStatus,
  Stage,
  STAGES,
  STALLED_DAYS_DEFAULT,
  STALLED_LIST_MAX,
  StalledProject,
} from '@sillon/contracts';
import { DataSource } from 'typeorm';
import { ColumnsOf, contractFields, selectList } from '../../database/select-list';
import { Principal } from '../access/principal';
import { parisToday } from '../../common/paris-today';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { NextMilestonesQueryDto } from './dto/next-milestones-query.dto';
import { PipelineOverviewQueryDto } from './dto/pipeline-overview-query.dto';
import { PipelineScope } from './pipeline-scope';

// Last activity of a project: the later of its stage entry (Paris date) and its last completed milestone.
const LAST_ACTIVITY = `greatest((p.stage_entered_at AT TIME ZONE 'Europe/Paris')::date,
  (SELECT max(m.completed_on) FROM milestone m WHERE m.project_id = p.id AND m.status = 'done'))`;

// A stalled project as SQL: `p` is the project, `u` its lead, `a` its last activity; `asOf` is the SQL
// of the day the figures are for.
const stalledColumns = (asOf: string): ColumnsOf<StalledProject> => ({
  id: 'p.id',
  code: 'p.code',
  name: 'p.name',
  stage: 'p.stage',
  leadName: 'u.display_name',
  lastActivityOn: 'a.last_on::text',
  daysIdle: `(${asOf} - a.last_on)::int`,
});

// The next milestone of a project as SQL (`m`); whether it is late is derived from today's date.
const NEXT_MILESTONE_COLUMNS: ColumnsOf<Omit<NextMilestone, 'late'>> = {
  projectId: 'm.project_id',
  milestoneId: 'm.id',
  title: 'm.title',
  kind: 'm.kind',
  dueOn: 'm.due_on::text',
};

@Injectable()
export class PipelineOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ProjectAccessPolicy,
    private readonly scope: PipelineScope,
  ) {}

  // The key figures of the Tableau de bord, each computed in SQL over the same scope of projects.
  async overview(principal: Principal | undefined, query: PipelineOverviewQueryDto): Promise<PipelineOverview> {
    this.policy.assertPortfolioReader(principal);
    const asOf = parisToday();
    const stalledDays = query.stalledDays ?? STALLED_DAYS_DEFAULT;
    const params: unknown[] = [];
    const scope = await this.scope.resolve(principal, query, 'p.lab_id', params);
    const inScope = ['p.archived_at IS NULL', ...scope.where].join(' AND ');
    const n = params.length;
    const run = <T>(sql: string, extra: unknown[] = []): Promise<T[]> => this.dataSource.query(sql, [...params, ...extra]);

    const statusRows = await run<{ stage: Stage; status: ProjectStatus; count: number }>(
      `SELECT p.stage, p.status, count(*)::int AS count FROM project p WHERE ${inScope} GROUP BY p.stage, p.status`,
    );
    const stalledProject = stalledColumns(`$${n + 1}::date`);
    const stalledRows = await run<StalledProject & { total: number }>(
      `SELECT ${selectList(stalledProject)}, count(*) OVER ()::int AS total
         FROM project p LEFT JOIN app_user u ON u.id = p.lead_id
         CROSS JOIN LATERAL (SELECT ${LAST_ACTIVITY} AS last_on) a
        WHERE ${inScope} AND p.status = 'active' AND a.last_on <= $${n + 1}::date - $${n + 2}::int
        ORDER BY a.last_on, p.code LIMIT $${n + 3}`,
      [asOf, stalledDays, STALLED_LIST_MAX],
    );
    const [milestones] = await run<{ overdue: number; participants: number }>(
      `SELECT count(*) FILTER (WHERE m.status = 'planned' AND m.due_on < $${n + 1}::date)::int AS overdue,
              coalesce(sum(m.participant_count) FILTER (WHERE m.status = 'done' AND m.completed_on >= date_trunc('year', $${n + 1}::date)::date), 0)::int AS participants
         FROM milestone m JOIN project p ON p.id = m.project_id WHERE ${inScope}`,
      [asOf],
    );
    const fundingRows = await run<{ status: FundingStatus; cents: string }>(
      `SELECT f.status, sum(f.amount_cents)::text AS cents FROM funding_line f JOIN project p ON p.id = f.project_id WHERE ${inScope} GROUP BY f.status`,
    );
    const departmentRows = await run<{ department: string | null; count: number }>(
      `SELECT d.department, count(*)::int AS count
         FROM project p LEFT JOIN LATERAL unnest(p.departments) AS d(department) ON true
        WHERE ${inScope} AND p.status = 'active' GROUP BY d.department ORDER BY count(*) DESC, d.department`,
    );
    const leadRows = await run<{ lead_id: string; lead_name: string; count: number }>(
      `SELECT u.id AS lead_id, u.display_name AS lead_name, count(*)::int AS count
         FROM project p JOIN app_user u ON u.id = p.lead_id
        WHERE ${inScope} AND p.status = 'active' GROUP BY u.id, u.display_name ORDER BY u.display_name, u.id`,
    );

    const byStatus = Object.fromEntries(
      PROJECT_STATUSES.map((status) => [status, statusRows.filter((r) => r.status === status).reduce((sum, r) => sum + r.count, 0)]),
    ) as Record<ProjectStatus, number>;
    const activeByStage = Object.fromEntries(
      STAGES.map((stage) => [stage, statusRows.find((r) => r.stage === stage && r.status === 'active')?.count ?? 0]),
    ) as Record<Stage, number>;
    const fundingCents = Object.fromEntries(
      FUNDING_STATUSES.map((status) => [status, Number(fundingRows.find((r) => r.status === status)?.cents ?? 0)]),
    ) as Record<FundingStatus, number>;
    const stalled = stalledRows.map((row) => contractFields(stalledProject, row));
    const activeByDepartment: DepartmentCount[] = departmentRows
      .filter((r): r is { department: string; count: number } => r.department !== null)
      .map((r) => ({ department: r.department, count: r.count }));
    const activeByLead: LeadCount[] = leadRows.map((r) => ({ leadId: r.lead_id, leadName: r.lead_name, count: r.count }));

    return {
      labId: scope.labId,
      regionId: scope.regionId,
      asOf,
      stalledDays,
      activeProjects: byStatus.active,
      activeByStage,
      byStatus,
      stalledProjects: stalledRows[0]?.total ?? 0,
      stalled,
      overdueMilestones: milestones.overdue,
      participantsThisYear: milestones.participants,
      fundingCents,
      fundingGrantedCents: fundingCents.granted + fundingCents.received,
      activeByDepartment,
      activeWithoutDepartment: departmentRows.find((r) => r.department === null)?.count ?? 0,
      activeByLead,
    };
  }

  // The next planned milestone of each project asked for; projects out of reach are left out, not refused.
  async nextMilestones(principal: Principal | undefined, query: NextMilestonesQueryDto): Promise<NextMilestone[]> {
    this.policy.assertPortfolioReader(principal);
    const today = parisToday();
    const params: unknown[] = [];
    const scope = this.policy.labScope(principal, 'p.lab_id', params);
    const n = params.length;
    const rows: Omit<NextMilestone, 'late'>[] = await this.dataSource.query(
      `SELECT DISTINCT ON (m.project_id) ${selectList(NEXT_MILESTONE_COLUMNS)}
         FROM milestone m JOIN project p ON p.id = m.project_id
        WHERE ${scope} AND p.archived_at IS NULL AND m.status = 'planned' AND m.project_id = ANY($${n + 1}::uuid[])
        ORDER BY m.project_id, m.due_on, m.id`,
      [...params, query.project],
    );
    return rows.map((r) => ({ ...r, late: r.dueOn < today }));
  }
}
