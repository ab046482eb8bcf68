import {
  ACTIVITY_ACTOR_TYPES,
  MILESTONE_KINDS_WITH_PARTICIPANTS,
  MilestoneKind,
  OrganisationType,
  ProjectStatus,
  ReportDepartmentCount,
  ReportMilestone,
  ReportProject,
  ReportThemeCount,
  Stage,
} from '@sillon/contracts';
import { ColumnsOf, selectList } from '../../database/select-list';

// Every query of the reports, in one place: ReportsService builds their parameters and shapes the
// answer. Parameters $1, $2 and $3 are always asOf, from and to; the filters' come after them.

// The labs a caller may report on (`scope` is the policy's condition on `id`).
export const readableLabs = (scope: string) => `SELECT id, code, name, region_id FROM lab WHERE ${scope} ORDER BY code`;

// The report's filters on the project `p` (or, for stage and status, on its state as of asOf), `n`
// being the number of the parameter that holds the values asked for.
export const SCOPE_FILTERS = {
  labs: (n: number) => `p.lab_id = ANY($${n}::uuid[])`,
  region: (n: number) => `p.lab_id IN (SELECT id FROM lab WHERE region_id = $${n}::uuid)`,
  themes: (n: number) => `p.themes && $${n}::varchar[]`,
  departments: (n: number) => `p.departments && $${n}::varchar[]`,
  stages: (n: number) => `stage = ANY($${n}::varchar[])`,
  statuses: (n: number) => `status = ANY($${n}::varchar[])`,
};

// `bounds AS (…), as_of AS (…), scoped AS (…)`: the projects of the report as they stood on asOf.
// `where` holds the conditions on the project `p` (the caller's reach and the filters), `asOfFilters`
// those on its stage and status as of asOf. Day boundaries are midnights in Paris. A project's stage
// and status on asOf are those of its last transition before the end of that day; its history starts
// with a creation row, and a project without one (older data) falls back to the state it left with
// its next transition, then to today's.
export const scopeCte = (where: string[], asOfFilters: string[]) => `bounds AS (
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

// Milestones of the milestones table: due or completed during the period.
const MILESTONE_IN_PERIOD = `(m.due_on BETWEEN $2::date AND $3::date OR m.completed_on BETWEEN $2::date AND $3::date)`;
// Done during the period, and by asOf (`b` is the report's bounds).
const DONE_IN_PERIOD = `m.status = 'done' AND m.completed_on BETWEEN b.from_d AND least(b.to_d, b.as_of)`;

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

// The contract's ReportProject as SQL: `s` is the project as of asOf (scoped), `l` its lab, `u` its lead.
const REPORT_PROJECT_COLUMNS: ColumnsOf<ReportProject> = {
  id: 's.id',
  code: 's.code',
  name: 's.name',
  labCode: 'l.code',
  labName: 'l.name',
  stage: 's.stage',
  status: 's.status',
  health: 's.health',
  leadName: 'u.display_name',
  themes: 's.themes',
  departments: 's.departments',
  startDate: 's.start_date::text',
};

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
  projects: `SELECT ${selectList(REPORT_PROJECT_COLUMNS)}
    FROM scoped s JOIN lab l ON l.id = s.lab_id LEFT JOIN app_user u ON u.id = s.lead_id
    ORDER BY l.code, s.code`,
};

// Each figure's rows, as json_agg returns them.
export interface FigureRows {
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
  projects: ReportProject[];
}

// Every figure is an aggregate computed by PostgreSQL, all in ONE statement: one snapshot, so the
// figures agree with each other, and the projects of the scope as they stood on asOf (the CTE
// `scoped`, referenced by every figure) are computed once, not once per figure. Each figure comes
// back as a JSON array of its rows. `cte` is scopeCte's.
export function figuresStatement(cte: string): string {
  const figures = Object.entries(FIGURES)
    .map(([name, select]) => `(SELECT coalesce(json_agg(figure), '[]'::json) FROM (${select}) figure) AS "${name}"`)
    .join(',\n');
  return `WITH ${cte}, ${STAYS} SELECT ${figures}`;
}

// The contract's ReportMilestone as SQL: `m` is the milestone, `p` its project.
const REPORT_MILESTONE_COLUMNS: ColumnsOf<ReportMilestone> = {
  projectCode: 'p.code',
  projectName: 'p.name',
  title: 'm.title',
  kind: 'm.kind',
  stage: 'm.stage',
  dueOn: 'm.due_on::text',
  completedOn: 'm.completed_on::text',
  status: 'm.status',
  participantCount: 'm.participant_count',
};

// A row of the milestones table, with the milestone's id for the next keyset page.
export type ReportMilestoneRow = ReportMilestone & { id: string };

const REPORT_MILESTONE_SELECT = `SELECT ${selectList(REPORT_MILESTONE_COLUMNS)}, m.id AS "id" FROM milestone m JOIN project p ON p.id = m.project_id`;

// Parameters of the three: $1 the projects (uuid[] or one uuid), $2 and $3 the period.
// Rows of the milestones table per project.
export const MILESTONE_COUNTS = `SELECT m.project_id, count(*)::int AS n FROM milestone m
       WHERE m.project_id = ANY($1::uuid[]) AND ${MILESTONE_IN_PERIOD} GROUP BY m.project_id`;

// The rows of a batch of projects, in the order of the projects list.
export const MILESTONE_BATCH = `${REPORT_MILESTONE_SELECT}
       WHERE m.project_id = ANY($1::uuid[]) AND ${MILESTONE_IN_PERIOD}
       ORDER BY array_position($1::uuid[], m.project_id), m.due_on, m.id`;

// A page of one project's rows ($4 rows), after the row ($5 due date, $6 id) when `after`.
export const projectMilestonePage = (after: boolean) => `${REPORT_MILESTONE_SELECT}
         WHERE m.project_id = $1 AND ${MILESTONE_IN_PERIOD}${after ? ' AND (m.due_on, m.id) > ($5::date, $6::uuid)' : ''}
         ORDER BY m.due_on, m.id LIMIT $4`;

// Lab activities that started during the period in the report's labs ($1, already limited to the
// caller's reach; row-level security keeps it too), per kind, with their participants per actor type.
export const ACTIVITY_FIGURES = `SELECT a.kind, count(*)::int AS activities, sum(a.participants)::bigint AS participants,
    ${ACTIVITY_ACTOR_TYPES.map((type) => `sum(a.attendance_${type})::bigint AS "${type}"`).join(', ')}
  FROM lab_activity a
  WHERE a.lab_id = ANY($1::uuid[]) AND a.starts_on >= $2::date AND a.starts_on <= $3::date
  GROUP BY a.kind`;
