import type { MatrixRole, MatrixRow } from './authorization-matrix';
import { MatrixContext, MatrixRecord, placement, RecordFactory, RecordKind, uniqueSuffix } from './record-factories';
import { by } from './matrix-statuses';

// Rows of the portfolio's projects & pipeline area (spread into MATRIX_ROWS) and their record factories.

const placed = (
  endpoint: MatrixRow['endpoint'],
  entity: string,
  action: MatrixRow['action'],
  statuses: Partial<Record<RecordKind, Record<MatrixRole, number>>>,
  extra: Partial<MatrixRow> = {},
): MatrixRow[] =>
  Object.entries(statuses).map(([record, expected]) => ({ endpoint, entity, record: record as RecordKind, action, expected, ...extra }));

const row = async (ctx: MatrixContext, sql: string, params: unknown[]) => (await ctx.t.dataSource.query(sql, params))[0];

// A project in co_design (archived for `archivedProject`), led by the caller for `own` (when they hold a lab role), by nobody otherwise.
const projects = (archived: boolean): RecordFactory => async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') {
    return { params: {}, snapshot: () => row(ctx, `SELECT count(*)::int AS n, max(updated_at) AS at FROM project`, []) };
  }
  const where = placement(ctx, caller);
  const lab = kind === 'otherLab' ? where.otherLab : kind === 'otherRegion' ? where.otherRegionLab : where.homeLab;
  const leadId = kind === 'own' && caller?.labId === lab.id ? caller.id : null;
  const [{ id }] = await ctx.t.dataSource.query(
    `INSERT INTO project (lab_id, code, name, stage, lead_id, archived_at) VALUES ($1, $2, $3, 'co_design', $4, $5) RETURNING id`,
    [lab.id, `MX-${uniqueSuffix()}`, 'Projet de la matrice', leadId, archived ? new Date() : null],
  );
  const snapshot = () =>
    row(ctx, `SELECT p.*, (SELECT count(*)::int FROM stage_transition t WHERE t.project_id = p.id) AS transitions FROM project p WHERE p.id = $1`, [id]);
  return { params: { id }, version: 1, snapshot };
};

// A lab seen through its gate criteria.
const gateCriteria: RecordFactory = async (ctx, kind, caller) => {
  const where = placement(ctx, caller);
  const lab = kind === 'otherLab' ? where.otherLab : kind === 'otherRegion' ? where.otherRegionLab : where.homeLab;
  return {
    params: { labId: lab.id },
    snapshot: () =>
      row(ctx, `SELECT count(*)::int AS n, string_agg(id || label || active, ',' ORDER BY id) AS state FROM gate_criterion WHERE lab_id = $1`, [lab.id]),
  };
};

const auditTrail: RecordFactory = async (ctx) => ({
  params: {},
  snapshot: () => row(ctx, `SELECT count(*)::int AS n FROM audit_event WHERE action <> 'login'`, []),
});

export const PROJECT_RECORD_FACTORIES: Record<string, RecordFactory> = {
  project: projects(false),
  archivedProject: projects(true),
  gateCriteria,
  auditTrail,
};

const read = { own: by(200, 200, 200, 403), sameLab: by(200, 200, 200, 403), otherLab: by(404, 404, 200, 403), otherRegion: by(404, 404, 404, 403, 401, 200) };

export const PROJECT_MATRIX_ROWS: MatrixRow[] = [
  { endpoint: 'GET /api/v1/projects', entity: 'project', record: 'none', action: 'read', expected: by(200, 200, 200, 403) },
  {
    endpoint: 'POST /api/v1/projects',
    entity: 'project',
    record: 'none',
    action: 'write',
    body: () => ({ name: `Projet ${uniqueSuffix()}` }),
    expected: by(201, 201, 403, 403),
  },
  // A new project starts in co_design; only a lab manager creates one at a later stage.
  {
    endpoint: 'POST /api/v1/projects',
    entity: 'project',
    record: 'none',
    action: 'write',
    body: () => ({ name: `Projet ${uniqueSuffix()}`, stage: 'co_design' }),
    expected: by(201, 201, 403, 403),
  },
  {
    endpoint: 'POST /api/v1/projects',
    entity: 'project',
    record: 'none',
    action: 'write',
    body: () => ({ name: `Projet ${uniqueSuffix()}`, stage: 'incubation' }),
    expected: by(403, 201, 403, 403),
  },
  ...placed('GET /api/v1/projects/:id', 'project', 'read', read),
  ...placed(
    'PATCH /api/v1/projects/:id',
    'project',
    'write',
    { own: by(200, 200, 403, 403), sameLab: by(403, 200, 403, 403), otherLab: by(404, 404, 403, 403), otherRegion: by(404, 404, 404, 403, 401, 403) },
    { body: (r) => ({ version: r.version, name: 'Renommé par la matrice' }) },
  ),
  // Changing the lead: lab managers only, even on a project one leads.
  ...placed(
    'PATCH /api/v1/projects/:id',
    'project',
    'write',
    { own: by(403, 200, 403, 403) },
    { body: (r) => ({ version: r.version, leadId: null }) },
  ),
  ...placed('DELETE /api/v1/projects/:id', 'project', 'delete', {
    own: by(403, 200, 403, 403),
    sameLab: by(403, 200, 403, 403),
    otherLab: by(404, 404, 403, 403),
    otherRegion: by(404, 404, 404, 403, 401, 403),
  }),
  // Who may archive may restore.
  ...placed(
    'POST /api/v1/projects/:id/restore',
    'archivedProject',
    'write',
    { own: by(403, 200, 403, 403), sameLab: by(403, 200, 403, 403), otherLab: by(404, 404, 403, 403), otherRegion: by(404, 404, 404, 403, 401, 403) },
    { body: (r) => ({ version: r.version }) },
  ),
  ...placed('GET /api/v1/projects/:id/transitions', 'project', 'read', read),
  // Forward one stage with every criterion met (the lab has none here): the lead of the project or the lab manager.
  ...placed(
    'POST /api/v1/projects/:id/transitions',
    'project',
    'write',
    { own: by(201, 201, 403, 403), sameLab: by(403, 201, 403, 403), otherLab: by(404, 404, 403, 403), otherRegion: by(404, 404, 404, 403, 401, 403) },
    { body: () => ({ to: 'ideation', rationale: 'Décision de la matrice', criteriaMet: [] }) },
  ),
  // A status change: lab managers only.
  ...placed(
    'POST /api/v1/projects/:id/transitions',
    'project',
    'write',
    { own: by(403, 201, 403, 403) },
    { body: () => ({ status: 'on_hold', rationale: 'Pause décidée par la matrice' }) },
  ),
  ...placed('GET /api/v1/labs/:labId/gate-criteria', 'gateCriteria', 'read', {
    own: by(200, 200, 200, 403),
    otherLab: by(404, 404, 200, 403),
    otherRegion: by(404, 404, 404, 403, 401, 200),
  }),
  ...placed(
    'PUT /api/v1/labs/:labId/gate-criteria/ideation',
    'gateCriteria',
    'write',
    { own: by(403, 200, 403, 403), otherLab: by(404, 404, 403, 403), otherRegion: by(404, 404, 404, 403, 401, 403) },
    { body: () => ({ criteria: [{ label: 'Critère de la matrice' }] }) },
  ),
  // Only lab managers list archived projects, alone or with the others.
  { endpoint: 'GET /api/v1/projects', entity: 'project', record: 'none', action: 'read', query: { archived: 'only' }, expected: by(403, 200, 403, 403) },
  // Names of the people who may own a milestone, in the caller's labs.
  { endpoint: 'GET /api/v1/milestone-owners', entity: 'none', record: 'none', action: 'read', expected: by(200, 200, 200, 403) },
  { endpoint: 'GET /api/v1/pipeline/summary', entity: 'none', record: 'none', action: 'read', expected: by(200, 200, 200, 403) },
  { endpoint: 'GET /api/v1/themes', entity: 'none', record: 'none', action: 'read', expected: by(200, 200, 200, 200) },
  { endpoint: 'GET /api/v1/audit', entity: 'auditTrail', record: 'none', action: 'read', expected: by(403, 200, 403, 403) },
];
