import type { Stage } from '@sillon/contracts';
import type { Principal } from '../../apps/api/src/modules/access/principal';
import { AuditService } from '../../apps/api/src/modules/audit/audit.service';
import { MilestonesService } from '../../apps/api/src/modules/milestones/milestones.service';
import { PipelineScope } from '../../apps/api/src/modules/pipeline/pipeline-scope';
import { PipelineSummaryService } from '../../apps/api/src/modules/pipeline/pipeline-summary.service';
import { ProjectAccessPolicy } from '../../apps/api/src/modules/access/project-access.policy';
import { ProjectsService } from '../../apps/api/src/modules/projects/projects.service';
import { ReportAccessPolicy } from '../../apps/api/src/modules/reports/report-access.policy';
import { ReportsService } from '../../apps/api/src/modules/reports/reports.service';
import { Client } from 'pg';
import { captureStatements } from './capture-statements';
import { Statement } from './explain';

// What every scenario needs to know about the generated portfolio.
export interface BenchContext {
  today: string;
  labId: string;
  labCode: string;
  regionId: string;
  stage: Stage;
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
  // The SQL the endpoint's service runs, with the same parameters: captured by running the service.
  statements(client: Client): Promise<Statement[]>;
  // Plan expectations: an index that must appear, tables that must not be scanned sequentially.
  expectIndex?: string[];
  noSeqScanOn?: string[];
  // Reads 1 to 4 must reach 1,000 requests/s with 10 connections; the write 300.
  targetRps?: number;
  // A yardstick without targets: what the machine gives a request that does almost nothing.
  reference?: boolean;
}

export function scenarios(ctx: BenchContext): Scenario[] {
  const policy = new ProjectAccessPolicy();
  const audit = new AuditService();
  return [
    {
      // The least a signed-in request costs here: the session lookup, the guards, logging and the
      // HTTP exchange. No read can do better; its throughput bounds every other scenario's.
      id: '0-floor-session',
      title: '0. Plancher : la session seule (GET /auth/me)',
      who: 'manager',
      method: 'GET',
      path: () => '/api/v1/auth/me',
      statements: async () => [],
      reference: true,
    },
    {
      id: '1-project-list',
      title: '1. Projets : 50 d’un lab, une étape, tri par mise à jour',
      who: 'manager',
      method: 'GET',
      path: () => `/api/v1/projects?stage=${ctx.stage}&sort=-updatedAt&pageSize=50`,
      targetRps: 1000,
      statements: (client) =>
        captureStatements(client, ({ dataSource, statements }) =>
          new ProjectsService(dataSource, policy, audit, statements).list(ctx.manager, { stage: [ctx.stage], sort: '-updatedAt', pageSize: 50 }),
        ),
      // The page read in the index's order (migration ProjectListOrder).
      expectIndex: ['project_lab_stage_updated_id_idx'],
      noSeqScanOn: ['project'],
    },
    {
      id: '2a-summary-lab',
      title: '2a. Synthèse du pipeline d’un lab',
      who: 'manager',
      method: 'GET',
      path: () => `/api/v1/pipeline/summary?lab=${ctx.labId}`,
      targetRps: 1000,
      statements: (client) =>
        captureStatements(client, ({ statements }) =>
          new PipelineSummaryService(statements, policy, new PipelineScope(statements, policy)).summary(ctx.manager, { lab: ctx.labId }),
        ),
      noSeqScanOn: ['project', 'milestone'],
    },
    {
      id: '2b-summary-region',
      title: '2b. Synthèse du pipeline d’une région',
      who: 'director',
      method: 'GET',
      path: () => `/api/v1/pipeline/summary?region=${ctx.regionId}`,
      targetRps: 1000,
      statements: (client) =>
        captureStatements(client, ({ statements }) =>
          new PipelineSummaryService(statements, policy, new PipelineScope(statements, policy)).summary(ctx.director, { region: ctx.regionId }),
        ),
      noSeqScanOn: ['project', 'milestone'],
    },
    {
      id: '3a-project',
      title: '3a. Un projet',
      who: 'manager',
      method: 'GET',
      path: () => `/api/v1/projects/${ctx.projectId}`,
      targetRps: 1000,
      statements: (client) => captureStatements(client, ({ dataSource, statements }) => new ProjectsService(dataSource, policy, audit, statements).get(ctx.manager, ctx.projectId)),
    },
    {
      id: '3b-project-milestones',
      title: '3b. Ses jalons (50)',
      who: 'manager',
      method: 'GET',
      path: () => `/api/v1/projects/${ctx.projectId}/milestones?pageSize=50`,
      targetRps: 1000,
      statements: (client) =>
        captureStatements(client, ({ repository, statements }) =>
          new MilestonesService(repository, policy, audit, statements).listForProject(ctx.manager, ctx.projectId, { pageSize: 50 }),
        ),
      noSeqScanOn: ['milestone'],
    },
    {
      id: '4-overdue',
      title: '4. Jalons en retard d’un lab (50 par page)',
      who: 'manager',
      method: 'GET',
      path: () => `/api/v1/milestones?overdue=true&pageSize=50`,
      targetRps: 1000,
      statements: (client) =>
        captureStatements(client, ({ repository, statements }) => new MilestonesService(repository, policy, audit, statements).findInLabs(ctx.manager, { overdue: true, pageSize: 50 })),
      // The partial index on open milestones of live projects (migration OpenMilestonesOfLiveProjects).
      expectIndex: ['milestone_open_live_lab_due_id_idx'],
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
      // MilestonesService.create without Idempotency-Key, captured in a transaction rolled back
      // (COMMIT excluded: EXPLAIN cannot time it).
      statements: async (client) => {
        await client.query('BEGIN');
        try {
          return await captureStatements(client, ({ repository, statements }) =>
            new MilestonesService(repository, policy, audit, statements).create(ctx.manager, ctx.writableProjectIds[0], { title: 'Atelier de mesure', kind: 'workshop', dueOn: '2099-06-30' }, undefined, '127.0.0.1'),
          );
        } finally {
          await client.query('ROLLBACK');
        }
      },
    },
    {
      id: '6-regional-report',
      title: '6. Chiffres du rapport régional',
      who: 'director',
      method: 'GET',
      path: () => `/api/v1/reports/portfolio`,
      statements: (client) =>
        captureStatements(client, ({ dataSource }) => new ReportsService(dataSource, new ReportAccessPolicy(new ProjectAccessPolicy())).report(ctx.director, {})),
    },
  ];
}
