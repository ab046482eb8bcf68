import type { Principal } from '../../apps/api/src/modules/auth/principal';
import { FROM_MILESTONE, MILESTONE_COLUMNS } from '../../apps/api/src/modules/milestones/milestone-rows';
import { PROJECT_COLUMNS, PROJECT_FROM } from '../../apps/api/src/modules/projects/project.mapper';
import { Client } from 'pg';
import { captureReportStatements } from './report-statements';
import { Statement } from './explain';

// What every scenario needs to know about the generated portfolio.
export interface BenchContext {
  today: string;
  labId: string;
  labCode: string;
  regionId: string;
  stage: string;
  projectId: string;
  // Non-archived projects of the lab, where the write scenario logs milestones in turn.
  writableProjectIds: string[];
  manager: Principal;
  director: Principal;
}

export interface Scenario {
  id: string;
  title: string;
  who: 'manager' | 'director';
  write?: boolean;
  method: 'GET' | 'POST';
  // Path of one request; called for every request (the write spreads over the lab's projects).
  path(i: number): string;
  body?(i: number): string;
  // The SQL the endpoint's service runs, with the same parameters (see each comment).
  statements(client: Client): Promise<Statement[]>;
  // Plan expectations: an index that must appear, tables that must not be scanned sequentially.
  expectIndex?: string[];
  noSeqScanOn?: string[];
  // Reads 1 to 4 must reach 1,000 requests/s with 10 connections; the write 300.
  targetRps?: number;
}

export function scenarios(ctx: BenchContext): Scenario[] {
  const listWhere = `p.lab_id = $1 AND p.stage = ANY($2::varchar[]) AND p.archived_at IS NULL`;
  const overdueWhere = `m.lab_id = $1 AND NOT EXISTS (SELECT 1 FROM project a WHERE a.id = m.project_id AND a.archived_at IS NOT NULL)
    AND m.status = 'planned' AND m.due_on < $2::date`;
  return [
    {
      id: '1-project-list',
      title: '1. Projets : 50 d’un lab, une étape, tri par mise à jour',
      who: 'manager',
      method: 'GET',
      path: () => `/api/v1/projects?stage=${ctx.stage}&sort=-updatedAt&pageSize=50`,
      targetRps: 1000,
      // Mirrors ProjectsService.list (lab manager: scope p.lab_id = $1; ?stage; default not archived); count and page run side by side.
      statements: async () => [
        { label: 'count', sql: `SELECT count(*)::int AS total FROM project p WHERE ${listWhere}`, params: [ctx.labId, [ctx.stage]] },
        {
          label: 'page',
          sql: `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} WHERE ${listWhere} ORDER BY p.updated_at DESC NULLS LAST, p.id DESC LIMIT 50 OFFSET 0`,
          params: [ctx.labId, [ctx.stage]],
        },
      ],
      noSeqScanOn: ['project'],
    },
    {
      id: '2a-summary-lab',
      title: '2a. Synthèse du pipeline d’un lab',
      who: 'manager',
      method: 'GET',
      path: () => `/api/v1/pipeline/summary?lab=${ctx.labId}`,
      targetRps: 1000,
      // Mirrors PipelineScope.resolve (lab check) and PipelineSummaryService.summary.
      statements: async () => [
        { label: 'lab', sql: `SELECT id, region_id FROM lab WHERE id = $1`, params: [ctx.labId] },
        {
          label: 'counts',
          sql: `SELECT p.stage, p.status, count(*)::int AS count FROM project p WHERE p.archived_at IS NULL AND p.lab_id = $1 AND p.lab_id = $2 GROUP BY p.stage, p.status`,
          params: [ctx.labId, ctx.labId],
        },
      ],
      expectIndex: ['project_pipeline_idx'],
      noSeqScanOn: ['project', 'milestone'],
    },
    {
      id: '2b-summary-region',
      title: '2b. Synthèse du pipeline d’une région',
      who: 'director',
      method: 'GET',
      path: () => `/api/v1/pipeline/summary?region=${ctx.regionId}`,
      targetRps: 1000,
      // Mirrors PipelineScope.resolve (director: region scope, then ?region) and PipelineSummaryService.summary.
      statements: async () => [
        {
          label: 'counts',
          sql: `SELECT p.stage, p.status, count(*)::int AS count FROM project p
                WHERE p.archived_at IS NULL AND p.lab_id IN (SELECT id FROM lab WHERE region_id = $1) AND p.lab_id IN (SELECT id FROM lab WHERE region_id = $2)
                GROUP BY p.stage, p.status`,
          params: [ctx.regionId, ctx.regionId],
        },
      ],
      expectIndex: ['project_pipeline_idx'],
      noSeqScanOn: ['milestone'],
    },
    {
      id: '3a-project',
      title: '3a. Un projet',
      who: 'manager',
      method: 'GET',
      path: () => `/api/v1/projects/${ctx.projectId}`,
      targetRps: 1000,
      // Mirrors ProjectsService.get: the contract read with the lab scope, one statement.
      statements: async () => [
        { label: 'project', sql: `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} WHERE p.id = $1 AND p.lab_id = $2`, params: [ctx.projectId, ctx.labId] },
      ],
    },
    {
      id: '3b-project-milestones',
      title: '3b. Ses jalons (50)',
      who: 'manager',
      method: 'GET',
      path: () => `/api/v1/projects/${ctx.projectId}/milestones?pageSize=50`,
      targetRps: 1000,
      // Mirrors MilestonesService.listForProject: findVisibleProject, count, page.
      statements: async () => [
        {
          label: 'visible',
          sql: `SELECT p.id, p.lab_id, p.lead_id, p.stage, p.code, p.name, p.archived_at IS NOT NULL AS archived FROM project p WHERE p.id = $1 AND p.lab_id = $2`,
          params: [ctx.projectId, ctx.labId],
        },
        { label: 'count', sql: `SELECT count(*)::int AS total FROM milestone WHERE project_id = $1`, params: [ctx.projectId] },
        {
          label: 'page',
          sql: `SELECT ${MILESTONE_COLUMNS} ${FROM_MILESTONE} WHERE m.project_id = $1 ORDER BY m.due_on, m.id LIMIT $2 OFFSET $3`,
          params: [ctx.projectId, 50, 0],
        },
      ],
      noSeqScanOn: ['milestone'],
    },
    {
      id: '4-overdue',
      title: '4. Jalons en retard d’un lab (50 par page)',
      who: 'manager',
      method: 'GET',
      path: () => `/api/v1/milestones?overdue=true&pageSize=50`,
      targetRps: 1000,
      // Mirrors MilestonesService.findInLabs (lab manager scope, overdue=true, page 1); count and page run side by side.
      statements: async () => [
        { label: 'count', sql: `SELECT count(*)::int AS total FROM milestone m WHERE ${overdueWhere}`, params: [ctx.labId, ctx.today] },
        {
          label: 'page',
          sql: `SELECT ${MILESTONE_COLUMNS} ${FROM_MILESTONE} WHERE ${overdueWhere} ORDER BY m.due_on, m.id LIMIT $3 OFFSET $4`,
          params: [ctx.labId, ctx.today, 50, 0],
        },
      ],
      // The partial index on open milestones (migration ReadPathIndexes).
      expectIndex: ['milestone_open_lab_due_id_idx'],
      noSeqScanOn: ['milestone'],
    },
    {
      id: '5-log-milestone',
      title: '5. Saisir un jalon (écriture)',
      who: 'manager',
      write: true,
      method: 'POST',
      path: (i) => `/api/v1/projects/${ctx.writableProjectIds[i % ctx.writableProjectIds.length]}/milestones`,
      body: (i) => JSON.stringify({ title: `Atelier de mesure ${i}`, kind: 'workshop', dueOn: '2099-06-30' }),
      targetRps: 300,
      // Mirrors MilestonesService.create without Idempotency-Key: the project FOR SHARE, the insert,
      // the read-back and the audit event (COMMIT excluded: EXPLAIN cannot time it).
      statements: async (client) => {
        const projectId = ctx.writableProjectIds[0];
        const [{ id: milestoneId }] = (await client.query(`SELECT id FROM milestone WHERE project_id = $1 LIMIT 1`, [projectId])).rows;
        return [
          {
            label: 'project',
            sql: `SELECT p.id, p.lab_id, p.lead_id, p.stage, p.code, p.name, p.archived_at IS NOT NULL AS archived FROM project p WHERE p.id = $1 AND p.lab_id = $2 FOR SHARE`,
            params: [projectId, ctx.labId],
          },
          {
            label: 'insert',
            sql: `INSERT INTO milestone (id, project_id, lab_id, title, kind, stage, due_on, completed_on, status, owner_id, participant_count, evidence_url)
                  VALUES ('00000000-0000-4000-8000-000000000001', $1, $2, 'Atelier de mesure', 'workshop', 'co_design', '2099-06-30', NULL, 'planned', NULL, NULL, NULL) RETURNING id`,
            params: [projectId, ctx.labId],
          },
          {
            label: 'read-back',
            sql: `SELECT ${MILESTONE_COLUMNS} ${FROM_MILESTONE} WHERE m.id = $1 AND m.lab_id = $2`,
            params: [milestoneId, ctx.labId],
          },
          {
            label: 'audit',
            sql: `INSERT INTO audit_event (actor_id, actor_email, action, entity_type, entity_id, lab_id, ip, before, after)
                  VALUES ($1, $2, 'create', 'milestone', $3, $4, '127.0.0.1', NULL, $5::jsonb)`,
            params: [ctx.manager.userId, ctx.manager.email, projectId, ctx.labId, JSON.stringify({ title: 'Atelier de mesure', kind: 'workshop' })],
          },
        ];
      },
    },
    {
      id: '6-regional-report',
      title: '6. Chiffres du rapport régional',
      who: 'director',
      method: 'GET',
      path: () => `/api/v1/reports/portfolio`,
      // Not a copy: the statements are those ReportsService.resolve and compute issue, captured by
      // running the service itself against a recording connection (see report-statements.ts).
      statements: (client) => captureReportStatements(client, ctx.director, {}),
    },
  ];
}
