import type { MatrixRole, MatrixRow } from './authorization-matrix';
import { MatrixContext, MatrixRecord, placement, RecordFactory, RecordKind, uniqueSuffix } from './record-factories';
import type { SeededLab, SeededUser } from '../support/fixtures';
import { by } from './matrix-statuses';

// Rows of the proposals of stage changes (spread into MATRIX_ROWS) and their record factories.

const placed = (
  endpoint: MatrixRow['endpoint'],
  entity: string,
  action: MatrixRow['action'],
  statuses: Partial<Record<RecordKind, Record<MatrixRole, number>>>,
  extra: Partial<MatrixRow> = {},
): MatrixRow[] =>
  Object.entries(statuses).map(([record, expected]) => ({ endpoint, entity, record: record as RecordKind, action, expected, ...extra }));

const row = async (ctx: MatrixContext, sql: string, params: unknown[]) => (await ctx.t.dataSource.query(sql, params))[0];

const labFor = (ctx: MatrixContext, kind: RecordKind, caller: SeededUser | null): SeededLab => {
  const where = placement(ctx, caller);
  return kind === 'otherLab' ? where.otherLab : kind === 'otherRegion' ? where.otherRegionLab : where.homeLab;
};

// The caller for `own` when they lead projects in that lab; another lead of the lab otherwise.
function proposerFor(ctx: MatrixContext, kind: RecordKind, caller: SeededUser | null, lab: SeededLab): SeededUser {
  if (kind === 'own' && caller?.role === 'project_lead' && caller.labId === lab.id) return caller;
  const lead = Object.values(ctx.tenants.users).find((u) => u.role === 'project_lead' && u.labId === lab.id && u.id !== caller?.id);
  if (!lead) throw new Error(`no project lead in ${lab.name}`);
  return lead;
}

async function insertProject(ctx: MatrixContext, lab: SeededLab, leadId: string | null): Promise<string> {
  return (
    await row(ctx, `INSERT INTO project (lab_id, code, name, stage, lead_id) VALUES ($1, $2, 'Projet de la matrice', 'co_design', $3) RETURNING id`, [
      lab.id,
      `MX-${uniqueSuffix()}`,
      leadId,
    ])
  ).id;
}

// A project in co_design, led by the caller for `own` (when they hold a lab role there).
const proposalProject: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  const lab = labFor(ctx, kind, caller);
  const projectId = await insertProject(ctx, lab, kind === 'own' && caller?.labId === lab.id ? caller.id : null);
  return {
    params: { id: projectId },
    snapshot: () =>
      row(ctx, `SELECT p.stage, p.version, (SELECT count(*)::int FROM project_proposal pp WHERE pp.project_id = p.id) AS proposals FROM project p WHERE p.id = $1`, [
        projectId,
      ]),
  };
};

// A proposal co_design → ideation of a project of the placement's lab, pending or already refused.
const proposalFactory =
  (decided: boolean): RecordFactory =>
  async (ctx, kind, caller): Promise<MatrixRecord> => {
    if (kind === 'none') return { params: {}, snapshot: () => row(ctx, `SELECT count(*)::int AS n, max(version) AS v FROM project_proposal`, []) };
    const lab = labFor(ctx, kind, caller);
    const proposer = proposerFor(ctx, kind, caller, lab);
    const projectId = await insertProject(ctx, lab, proposer.id);
    const manager = Object.values(ctx.tenants.users).find((u) => u.role === 'lab_manager' && u.labId === lab.id);
    const { id } = await row(
      ctx,
      `INSERT INTO project_proposal (lab_id, project_id, from_stage, to_stage, rationale, unmet_reason, project_version, proposed_by,
         status, decided_by, decided_at, decision_note)
       VALUES ($1, $2, 'co_design', 'ideation', 'Proposition de la matrice', 'Exception de la matrice', 1, $3, $4, $5, $6, $7) RETURNING id`,
      [lab.id, projectId, proposer.id, decided ? 'refused' : 'pending', decided ? manager?.id : null, decided ? new Date() : null, decided ? 'Refus de la matrice' : null],
    );
    return {
      params: { id },
      version: 1,
      snapshot: () =>
        row(ctx, `SELECT pp.*, p.stage, p.version AS project_version_now FROM project_proposal pp JOIN project p ON p.id = pp.project_id WHERE pp.id = $1`, [id]),
    };
  };

export const PROPOSAL_RECORD_FACTORIES: Record<string, RecordFactory> = {
  proposalProject,
  proposal: proposalFactory(false),
  decidedProposal: proposalFactory(true),
};

// Deciding: the lab manager of the proposal's lab only.
const decide = {
  own: by(403, 200, 403, 403),
  sameLab: by(404, 200, 403, 403),
  otherLab: by(404, 404, 403, 403),
  otherRegion: by(404, 404, 404, 403, 401, 403),
};

export const PROPOSAL_MATRIX_ROWS: MatrixRow[] = [
  // Proposing: the project's lead only (a lab manager decides directly, a director reads).
  ...placed(
    'POST /api/v1/projects/:id/proposals',
    'proposalProject',
    'write',
    { own: by(201, 403, 403, 403), sameLab: by(403, 403, 403, 403), otherLab: by(404, 404, 403, 403), otherRegion: by(404, 404, 404, 403, 401, 403) },
    { body: () => ({ to: 'prototyping', rationale: 'Proposition de la matrice', unmetReason: 'Étape sautée par la matrice' }) },
  ),
  // Reading: the lab manager and the region's director read the lab's; a lead reads the ones they made.
  { endpoint: 'GET /api/v1/proposals', entity: 'proposal', record: 'none', action: 'read', expected: by(200, 200, 200, 403) },
  ...placed('GET /api/v1/proposals/:id', 'proposal', 'read', {
    own: by(200, 200, 200, 403),
    sameLab: by(404, 200, 200, 403),
    otherLab: by(404, 404, 200, 403),
    otherRegion: by(404, 404, 404, 403, 401, 200),
  }),
  ...placed('POST /api/v1/proposals/:id/decision', 'proposal', 'write', decide, { body: (r) => ({ decision: 'accepted', version: r.version }) }),
  ...placed('POST /api/v1/proposals/:id/decision', 'proposal', 'write', decide, {
    body: (r) => ({ decision: 'refused', note: 'Refus de la matrice', version: r.version }),
  }),
  // Acknowledging the outcome: the lead who proposed only.
  ...placed('POST /api/v1/proposals/:id/acknowledgement', 'decidedProposal', 'write', {
    own: by(200, 403, 403, 403),
    sameLab: by(404, 403, 403, 403),
    otherLab: by(404, 404, 403, 403),
    otherRegion: by(404, 404, 404, 403, 401, 403),
  }),
  // The lab's journal with its filters: lab managers only.
  {
    endpoint: 'GET /api/v1/audit',
    entity: 'auditTrail',
    record: 'none',
    action: 'read',
    query: { entity: 'project', action: 'update', from: '2026-01-01', to: '2026-12-31', page: '1', pageSize: '20' },
    expected: by(403, 200, 403, 403),
  },
];
