import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACTIVITY_ACTOR_TYPES,
  ACTIVITY_KINDS,
  ActivityActorType,
  ActivityKind,
  MILESTONE_KINDS_WITH_PARTICIPANTS,
  PortfolioReport,
  PortfolioReportQuery,
  ReportActivities,
  PROJECT_STATUSES,
  ReportMilestone,
  ReportScope,
  STAGES,
} from '@sillon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { parisToday } from '../../common/paris-today';
import { ReportAccessPolicy } from './report-access.policy';
import { resolvePeriod } from './report-period';
import {
  ACTIVITY_FIGURES,
  FigureRows,
  figuresStatement,
  MILESTONE_BATCH,
  MILESTONE_COUNTS,
  projectMilestonePage,
  readableLabs,
  ReportMilestoneRow,
  SCOPE_FILTERS,
  scopeCte,
} from './report-sql';

// Everything the report's queries share: the period, the caller's scope and the filters as SQL.
export interface ResolvedReport {
  scope: ReportScope;
  // `WITH bounds AS (…), scoped AS (…)`: the projects of the report as they stood on asOf.
  cte: string;
  params: unknown[];
}

// Milestones are streamed in pages of this many rows: between two pages the connection goes back
// to the pool, so other requests run while an export is long (see milestonePages).
export const MILESTONE_PAGE_SIZE = 2000;

const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ReportAccessPolicy,
  ) {}

  // Checks the caller and the labs asked for, and turns the query into the shared SQL scope.
  async resolve(principal: Principal | undefined, query: PortfolioReportQuery): Promise<ResolvedReport & { principal: Principal }> {
    this.policy.assertReporter(principal);
    const period = resolvePeriod(query, parisToday());
    const labParams: unknown[] = [];
    const readable: { id: string; code: string; name: string; region_id: string }[] = await this.dataSource.query(
      readableLabs(this.policy.labScope(principal, 'id', labParams)),
      labParams,
    );
    const asked = [...new Set(query.lab ?? [])];
    this.policy.assertLabsReadable(principal, asked, readable.map((l) => ({ id: l.id, regionId: l.region_id })));
    const region = query.region?.toLowerCase();
    if (region) {
      const known = await this.dataSource.query(`SELECT id FROM region WHERE id = $1`, [region]);
      this.policy.assertRegionReadable(principal, region, known.length > 0);
    }
    const labs = (asked.length ? readable.filter((l) => asked.includes(l.id)) : readable)
      .filter((l) => !region || l.region_id === region)
      .map(({ id, code, name }) => ({ id, code, name }));
    const scope: ReportScope = {
      ...period,
      labs,
      stages: query.stage ?? [],
      statuses: query.status ?? [],
      themes: query.theme ?? [],
      departments: query.department ?? [],
    };

    const params: unknown[] = [period.asOf, period.from, period.to];
    // The caller's reach is always applied in SQL, whatever labs were asked for.
    const where = [this.policy.labScope(principal, 'p.lab_id', params)];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (asked.length) add(SCOPE_FILTERS.labs, asked);
    if (region) add(SCOPE_FILTERS.region, region);
    if (scope.themes.length) add(SCOPE_FILTERS.themes, scope.themes);
    if (scope.departments.length) add(SCOPE_FILTERS.departments, scope.departments);
    const asOfFilters: string[] = [];
    if (scope.stages.length) {
      params.push(scope.stages);
      asOfFilters.push(SCOPE_FILTERS.stages(params.length));
    }
    if (scope.statuses.length) {
      params.push(scope.statuses);
      asOfFilters.push(SCOPE_FILTERS.statuses(params.length));
    }
    const cte = scopeCte(where, asOfFilters);
    return { principal, scope, cte, params };
  }

  async report(principal: Principal | undefined, query: PortfolioReportQuery): Promise<PortfolioReport> {
    return this.compute(await this.resolve(principal, query));
  }

  // Every figure in one statement (see figuresStatement), shaped as the contract's report.
  async compute(resolved: ResolvedReport): Promise<PortfolioReport> {
    const [rows]: FigureRows[] = await this.dataSource.query(figuresStatement(resolved.cte), resolved.params);
    const [counts] = rows.counts;
    const [milestones] = rows.milestones;
    const milestoneOutcomes = { doneOnTime: milestones.on_time, doneLate: milestones.late, overdue: milestones.overdue };
    const participants = MILESTONE_KINDS_WITH_PARTICIPANTS.map((kind) => {
      const [count, people] = milestones.participants[kind];
      return { kind, milestones: count, participants: people };
    });
    const funding = rows.funding.map((r) => ({
      funderType: r.funder_type,
      lines: r.lines,
      requestedCents: Number(r.requested),
      grantedCents: Number(r.granted),
      receivedCents: Number(r.received),
    }));
    const { themes, departments } = resolved.scope;
    const activities = await this.activities(resolved.scope);
    return {
      generatedAt: new Date().toISOString(),
      scope: resolved.scope,
      keyFigures: {
        projects: counts.projects,
        activeProjects: counts.active,
        newProjects: counts.created,
        milestonesDone: milestoneOutcomes.doneOnTime + milestoneOutcomes.doneLate,
        milestonesOverdue: milestoneOutcomes.overdue,
        participants: participants.reduce((n, r) => n + r.participants, 0),
        fundingGrantedCents: funding.reduce((n, r) => n + r.grantedCents, 0),
      },
      byStage: STAGES.map((stage) => ({ stage, count: rows.byStage.find((r) => r.stage === stage)?.count ?? 0 })),
      byStatus: PROJECT_STATUSES.map((status) => ({ status, count: rows.byStatus.find((r) => r.status === status)?.count ?? 0 })),
      // A project counts under each of its themes; with a theme filter, only the themes asked for are listed.
      byTheme: themes.length ? rows.byTheme.filter((r) => r.theme !== null && themes.includes(r.theme)) : rows.byTheme,
      byDepartment: departments.length ? rows.byDepartment.filter((r) => r.department !== null && departments.includes(r.department)) : rows.byDepartment,
      funnel: STAGES.map((stage) => {
        const row = rows.funnel.find((r) => r.stage === stage);
        return { stage, entered: row?.entered ?? 0, left: row?.left_count ?? 0 };
      }),
      timeInStage: STAGES.map((stage) => {
        const row = rows.timeInStage.find((r) => r.stage === stage);
        return { stage, stays: row?.stays ?? 0, medianDays: round1(row?.median_days ?? null), p90Days: round1(row?.p90_days ?? null) };
      }),
      milestoneOutcomes,
      participants,
      activities,
      funding,
      projects: rows.projects,
      milestoneRows: milestones.table_rows,
    };
  }

  // The lab's activities of the period, per kind and per actor type, every kind and type present.
  async activities(scope: ReportScope): Promise<ReportActivities> {
    type Row = { kind: ActivityKind; activities: number; participants: string } & Record<ActivityActorType, string>;
    const rows: Row[] = await this.dataSource.query(ACTIVITY_FIGURES, [scope.labs.map((l) => l.id), scope.from, scope.to]);
    const byKind = ACTIVITY_KINDS.map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return { kind, activities: row?.activities ?? 0, participants: Number(row?.participants ?? 0) };
    });
    const byActorType = ACTIVITY_ACTOR_TYPES.map((actorType) => ({
      actorType,
      participants: rows.reduce((n, r) => n + Number(r[actorType]), 0),
    }));
    return {
      byKind,
      byActorType,
      totals: { activities: byKind.reduce((n, r) => n + r.activities, 0), participants: byKind.reduce((n, r) => n + r.participants, 0) },
    };
  }

  // The milestones table of the exports, page by page, in the order of the projects list.
  // Not one long query or cursor: the embedded database has a single pooled connection, and a
  // cursor would hold it (and a transaction) for the whole download, starving every other request.
  // Instead, projects are grouped into batches of at most MILESTONE_PAGE_SIZE rows (one short query
  // each), and a project with more rows is read alone by keyset pages on its (due_on, id) index.
  // Each page sees the database as it is then: a milestone edited during a download shows its new state.
  async *milestonePages(projects: { id: string }[], period: { from: string; to: string }): AsyncGenerator<ReportMilestone[]> {
    if (!projects.length) return;
    const ids = projects.map((p) => p.id);
    const counts: { project_id: string; n: number }[] = await this.dataSource.query(MILESTONE_COUNTS, [ids, period.from, period.to]);
    const countOf = new Map(counts.map((c) => [c.project_id, c.n]));
    let batch: string[] = [];
    let batchRows = 0;
    for (const id of ids) {
      const n = countOf.get(id) ?? 0;
      if (!n) continue;
      if (batchRows + n > MILESTONE_PAGE_SIZE && batch.length) {
        yield await this.milestoneBatch(this.dataSource.manager, batch, period);
        batch = [];
        batchRows = 0;
      }
      if (n > MILESTONE_PAGE_SIZE) {
        yield* this.projectMilestonePages(id, period);
        continue;
      }
      batch.push(id);
      batchRows += n;
    }
    if (batch.length) yield await this.milestoneBatch(this.dataSource.manager, batch, period);
  }

  private async milestoneBatch(manager: EntityManager, ids: string[], period: { from: string; to: string }): Promise<ReportMilestone[]> {
    return manager.query(MILESTONE_BATCH, [ids, period.from, period.to]);
  }

  private async *projectMilestonePages(projectId: string, period: { from: string; to: string }): AsyncGenerator<ReportMilestone[]> {
    let after: { dueOn: string; id: string } | null = null;
    for (;;) {
      const params: unknown[] = [projectId, period.from, period.to, MILESTONE_PAGE_SIZE];
      if (after) params.push(after.dueOn, after.id);
      const rows: ReportMilestoneRow[] = await this.dataSource.query(projectMilestonePage(after !== null), params);
      if (rows.length) yield rows;
      if (rows.length < MILESTONE_PAGE_SIZE) return;
      const last = rows[rows.length - 1];
      after = { dueOn: last.dueOn, id: last.id };
    }
  }
}

