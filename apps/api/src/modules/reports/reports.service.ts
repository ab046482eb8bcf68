import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ReportDepartmentCount,
  MILESTONE_KINDS_WITH_PARTICIPANTS,
  MilestoneKind,
  MilestoneStatus,
  OrganisationType,
  PortfolioReport,
  PortfolioReportQuery,
  PROJECT_STATUSES,
  ProjectStatus,
  ReportMilestone,
  ReportProject,
  ReportScope,
  Stage,
  STAGES,
  Theme,
  ReportThemeCount,
} from '@sillon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { parisToday } from '../../common/paris-today';
import { ReportAccessPolicy } from './report-access.policy';
import { resolvePeriod } from './report-period';

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

// Milestones of the milestones table: due or completed during the period.
const MILESTONE_IN_PERIOD = `(m.due_on BETWEEN $2::date AND $3::date OR m.completed_on BETWEEN $2::date AND $3::date)`;
// Done during the period, and by asOf (`b` is the report's bounds).
const DONE_IN_PERIOD = `m.status = 'done' AND m.completed_on BETWEEN b.from_d AND least(b.to_d, b.as_of)`;
const MILESTONE_COLUMNS = `p.code AS project_code, p.name AS project_name, m.id, m.title, m.kind, m.stage, m.due_on::text AS due_on,
  m.completed_on::text AS completed_on, m.status, m.participant_count`;

interface MilestoneRow {
  project_code: string;
  project_name: string;
  id: string;
  title: string;
  kind: MilestoneKind;
  stage: Stage;
  due_on: string;
  completed_on: string | null;
  status: MilestoneStatus;
  participant_count: number | null;
}

const toReportMilestone = (row: MilestoneRow): ReportMilestone => ({
  projectCode: row.project_code,
  projectName: row.project_name,
  title: row.title,
  kind: row.kind,
  stage: row.stage,
  dueOn: row.due_on,
  completedOn: row.completed_on,
  status: row.status,
  participantCount: row.participant_count,
});

// A stay starts with a stage change and ends with the next one (window function lead over the
// project's history up to asOf). Durations are whole days between Paris dates. Counted: stays that
// ended during the period, plus the current stay of each project still active on asOf, up to asOf
// (a stopped or paused project is not "spending time" in its stage). Appended to the report's WITH list.
const STAYS = `stays AS (
    SELECT c.project_id, c.project_status, c.stage, (c.decided_at AT TIME ZONE 'Europe/Paris')::date AS started_on, c.left_at
    FROM (
      SELECT t.project_id, s.status AS project_status, t.to_stage AS stage, t.decided_at,
        lead(t.decided_at) OVER (PARTITION BY t.project_id ORDER BY t.decided_at, t.id) AS left_at
      FROM stage_transition t JOIN scoped s ON s.id = t.project_id CROSS JOIN bounds b
      WHERE t.decided_at < b.as_of_end AND t.from_stage IS DISTINCT FROM t.to_stage
    ) c
  ), durations AS (
    SELECT st.stage, (st.left_at AT TIME ZONE 'Europe/Paris')::date - st.started_on AS days
    FROM stays st CROSS JOIN bounds b WHERE st.left_at >= b.from_at AND st.left_at < b.to_end
    UNION ALL
    -- The project's status rides along in stays: joining the two CTEs again, whose sizes the
    -- planner cannot estimate, made a nested loop of stays × projects (seconds over a region).
    SELECT st.stage, b.as_of - st.started_on
    FROM stays st CROSS JOIN bounds b WHERE st.left_at IS NULL AND st.project_status = 'active'
  )`;

// The figures of the report, each a SELECT over the shared CTEs (bounds, scoped, stays, durations).
const FIGURES = {
  counts: `SELECT count(*)::int AS projects, count(*) FILTER (WHERE s.status = 'active')::int AS active,
      count(*) FILTER (WHERE s.created_at >= b.from_at AND s.created_at < least(b.to_end, b.as_of_end))::int AS created
    FROM scoped s CROSS JOIN bounds b`,
  byStage: `SELECT stage, count(*)::int AS count FROM scoped GROUP BY stage`,
  byStatus: `SELECT status, count(*)::int AS count FROM scoped GROUP BY status`,
  byTheme: `SELECT th.theme, count(*)::int AS count FROM scoped s LEFT JOIN LATERAL unnest(s.themes) AS th(theme) ON true
    GROUP BY th.theme ORDER BY count(*) DESC, th.theme NULLS LAST`,
  byDepartment: `SELECT d.department, count(*)::int AS count FROM scoped s LEFT JOIN LATERAL unnest(s.departments) AS d(department) ON true
    GROUP BY d.department ORDER BY d.department NULLS LAST`,
  // Stage changes decided during the period (and before the end of asOf). Status-only decisions
  // (from_stage = to_stage) are not moves; the creation row (from_stage null) enters the first stage.
  funnel: `SELECT moves.stage, sum(moves.entered)::int AS entered, sum(moves.left_count)::int AS left_count FROM (
      SELECT t.to_stage AS stage, 1 AS entered, 0 AS left_count
      FROM stage_transition t JOIN scoped s ON s.id = t.project_id CROSS JOIN bounds b
      WHERE t.from_stage IS DISTINCT FROM t.to_stage AND t.decided_at >= b.from_at AND t.decided_at < least(b.to_end, b.as_of_end)
      UNION ALL
      SELECT t.from_stage, 0, 1
      FROM stage_transition t JOIN scoped s ON s.id = t.project_id CROSS JOIN bounds b
      WHERE t.from_stage IS NOT NULL AND t.from_stage <> t.to_stage AND t.decided_at >= b.from_at AND t.decided_at < least(b.to_end, b.as_of_end)
    ) moves GROUP BY moves.stage`,
  timeInStage: `SELECT stage, count(*)::int AS stays,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90_days
    FROM durations GROUP BY stage`,
  // The milestones of the scope in ONE pass (they are most of the work: a region's can be 100,000).
  // Outcomes on asOf: done on or before the due date, done after it, or due before asOf and not done
  // by then; a cancelled milestone counts in none of the three (cancellation dates are not recorded).
  // Participants: workshops, events and trainings done during the period. Rows: the milestones
  // table of the exports, those due or completed during the period.
  milestones: `SELECT
      count(*) FILTER (WHERE ${DONE_IN_PERIOD} AND m.completed_on <= m.due_on)::int AS on_time,
      count(*) FILTER (WHERE ${DONE_IN_PERIOD} AND m.completed_on > m.due_on)::int AS late,
      count(*) FILTER (WHERE m.due_on BETWEEN b.from_d AND b.to_d AND m.due_on < b.as_of
        AND (m.status = 'planned' OR (m.status = 'done' AND m.completed_on > b.as_of)))::int AS overdue,
      count(*) FILTER (WHERE ${MILESTONE_IN_PERIOD})::int AS table_rows,
      json_build_object(${MILESTONE_KINDS_WITH_PARTICIPANTS.map(
        (kind) => `'${kind}', json_build_array(count(*) FILTER (WHERE m.kind = '${kind}' AND ${DONE_IN_PERIOD}),
          coalesce(sum(m.participant_count) FILTER (WHERE m.kind = '${kind}' AND ${DONE_IN_PERIOD}), 0))`,
      ).join(', ')}) AS participants
    FROM milestone m CROSS JOIN bounds b WHERE m.project_id IN (SELECT id FROM scoped)`,
  // Funding has no dated history: the lines of the scope's projects as they stand. Sums are bigint,
  // sent as text and converted (amounts stay far below 2^53 cents).
  funding: `SELECT o.type AS funder_type, count(*)::int AS lines,
      sum(f.amount_cents)::text AS requested,
      coalesce(sum(f.amount_cents) FILTER (WHERE f.status IN ('granted', 'received')), 0)::text AS granted,
      coalesce(sum(f.amount_cents) FILTER (WHERE f.status = 'received'), 0)::text AS received
    FROM funding_line f JOIN scoped s ON s.id = f.project_id LEFT JOIN organisation o ON o.id = f.funder_id
    GROUP BY o.type ORDER BY sum(f.amount_cents) DESC, o.type NULLS LAST`,
  projects: `SELECT s.id, s.code, s.name, l.code AS lab_code, l.name AS lab_name, s.stage, s.status, s.health,
      u.display_name AS lead_name, s.themes, s.departments, s.start_date::text AS start_date
    FROM scoped s JOIN lab l ON l.id = s.lab_id LEFT JOIN app_user u ON u.id = s.lead_id
    ORDER BY l.code, s.code`,
};

// Each figure's rows, as json_agg returns them.
interface FigureRows {
  counts: { projects: number; active: number; created: number }[];
  byStage: { stage: Stage; count: number }[];
  byStatus: { status: ProjectStatus; count: number }[];
  byTheme: ReportThemeCount[];
  byDepartment: ReportDepartmentCount[];
  funnel: { stage: Stage; entered: number; left_count: number }[];
  timeInStage: { stage: Stage; stays: number; median_days: number | null; p90_days: number | null }[];
  // participants: per kind, [milestones, participants].
  milestones: { on_time: number; late: number; overdue: number; table_rows: number; participants: Record<MilestoneKind, [number, number]> }[];
  funding: { funder_type: OrganisationType | null; lines: number; requested: string; granted: string; received: string }[];
  projects: {
    id: string;
    code: string;
    name: string;
    lab_code: string;
    lab_name: string;
    stage: Stage;
    status: ProjectStatus;
    health: ReportProject['health'];
    lead_name: string | null;
    themes: Theme[];
    departments: string[];
    start_date: string | null;
  }[];
}

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
      `SELECT id, code, name, region_id FROM lab WHERE ${this.policy.labScope(principal, 'id', labParams)} ORDER BY code`,
      labParams,
    );
    const asked = [...new Set(query.lab ?? [])];
    this.policy.assertLabsReadable(principal, asked, readable.map((l) => ({ id: l.id, regionId: l.region_id })));
    const labs = (asked.length ? readable.filter((l) => asked.includes(l.id)) : readable).map(({ id, code, name }) => ({ id, code, name }));
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
    if (asked.length) add((n) => `p.lab_id = ANY($${n}::uuid[])`, asked);
    if (scope.themes.length) add((n) => `p.themes && $${n}::varchar[]`, scope.themes);
    if (scope.departments.length) add((n) => `p.departments && $${n}::varchar[]`, scope.departments);
    const asOfFilters: string[] = [];
    if (scope.stages.length) {
      params.push(scope.stages);
      asOfFilters.push(`stage = ANY($${params.length}::varchar[])`);
    }
    if (scope.statuses.length) {
      params.push(scope.statuses);
      asOfFilters.push(`status = ANY($${params.length}::varchar[])`);
    }
    // Day boundaries are midnights in Paris. A project's stage and status on asOf are those of its last
    // transition before the end of that day; its history starts with a creation row, and a project
    // without one (older data) falls back to the state it left with its next transition, then to today's.
    const cte = `bounds AS (
        SELECT $1::date AS as_of, $2::date AS from_d, $3::date AS to_d,
          ($2::date::timestamp AT TIME ZONE 'Europe/Paris') AS from_at,
          (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Paris') AS to_end,
          (($1::date + 1)::timestamp AT TIME ZONE 'Europe/Paris') AS as_of_end
      ),
      as_of AS (
        SELECT p.id, p.lab_id, p.code, p.name, p.health, p.lead_id, p.themes, p.departments, p.start_date, p.created_at,
          coalesce(prev.to_stage, next.from_stage, p.stage) AS stage,
          coalesce(prev.to_status, next.from_status, p.status) AS status
        FROM project p CROSS JOIN bounds b
        LEFT JOIN LATERAL (
          SELECT t.to_stage, t.to_status FROM stage_transition t
          WHERE t.project_id = p.id AND t.decided_at < b.as_of_end ORDER BY t.decided_at DESC, t.id DESC LIMIT 1
        ) prev ON true
        LEFT JOIN LATERAL (
          SELECT t.from_stage, t.from_status FROM stage_transition t
          WHERE t.project_id = p.id AND t.decided_at >= b.as_of_end ORDER BY t.decided_at, t.id LIMIT 1
        ) next ON true
        WHERE ${where.join(' AND ')}
          AND p.created_at < b.as_of_end AND (p.archived_at IS NULL OR p.archived_at >= b.as_of_end)
      ),
      scoped AS (SELECT * FROM as_of${asOfFilters.length ? ` WHERE ${asOfFilters.join(' AND ')}` : ''})`;
    return { principal, scope, cte, params };
  }

  async report(principal: Principal | undefined, query: PortfolioReportQuery): Promise<PortfolioReport> {
    return this.compute(await this.resolve(principal, query));
  }

  // Every figure is an aggregate computed by PostgreSQL, all in ONE statement: one snapshot, so the
  // figures agree with each other, and the projects of the scope as they stood on asOf (the CTE
  // `scoped`, referenced by every figure) are computed once, not once per figure. Each figure comes
  // back as a JSON array of its rows.
  async compute(resolved: ResolvedReport): Promise<PortfolioReport> {
    const figures = Object.entries(FIGURES)
      .map(([name, select]) => `(SELECT coalesce(json_agg(figure), '[]'::json) FROM (${select}) figure) AS "${name}"`)
      .join(',\n');
    const [rows]: FigureRows[] = await this.dataSource.query(`WITH ${resolved.cte}, ${STAYS} SELECT ${figures}`, resolved.params);
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
      funding,
      projects: rows.projects.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        labCode: r.lab_code,
        labName: r.lab_name,
        stage: r.stage,
        status: r.status,
        health: r.health,
        leadName: r.lead_name,
        themes: r.themes,
        departments: r.departments,
        startDate: r.start_date,
      })),
      milestoneRows: milestones.table_rows,
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
    const counts: { project_id: string; n: number }[] = await this.dataSource.query(
      `SELECT m.project_id, count(*)::int AS n FROM milestone m
       WHERE m.project_id = ANY($1::uuid[]) AND ${MILESTONE_IN_PERIOD} GROUP BY m.project_id`,
      [ids, period.from, period.to],
    );
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
    const rows: MilestoneRow[] = await manager.query(
      `SELECT ${MILESTONE_COLUMNS} FROM milestone m JOIN project p ON p.id = m.project_id
       WHERE m.project_id = ANY($1::uuid[]) AND ${MILESTONE_IN_PERIOD}
       ORDER BY array_position($1::uuid[], m.project_id), m.due_on, m.id`,
      [ids, period.from, period.to],
    );
    return rows.map(toReportMilestone);
  }

  private async *projectMilestonePages(projectId: string, period: { from: string; to: string }): AsyncGenerator<ReportMilestone[]> {
    let after: { dueOn: string; id: string } | null = null;
    for (;;) {
      const params: unknown[] = [projectId, period.from, period.to, MILESTONE_PAGE_SIZE];
      if (after) params.push(after.dueOn, after.id);
      const rows: MilestoneRow[] = await this.dataSource.query(
        `SELECT ${MILESTONE_COLUMNS} FROM milestone m JOIN project p ON p.id = m.project_id
         WHERE m.project_id = $1 AND ${MILESTONE_IN_PERIOD}${after ? ' AND (m.due_on, m.id) > ($5::date, $6::uuid)' : ''}
         ORDER BY m.due_on, m.id LIMIT $4`,
        params,
      );
      if (rows.length) yield rows.map(toReportMilestone);
      if (rows.length < MILESTONE_PAGE_SIZE) return;
      const last = rows[rows.length - 1];
      after = { dueOn: last.due_on, id: last.id };
    }
  }
}

