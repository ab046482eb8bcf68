import type { MatrixRole, MatrixRow } from './authorization-matrix';
import { MatrixContext, MatrixRecord, placement, RecordFactory, RecordKind, uniqueSuffix } from './record-factories';
import type { SeededLab, SeededUser } from '../support/fixtures';
import { by } from './matrix-statuses';

// Rows of the milestones, organisations, partners, contacts and funding areas, and their record factories.

const placed = (
  endpoint: MatrixRow['endpoint'],
  entity: string,
  action: MatrixRow['action'],
  statuses: Partial<Record<RecordKind, Record<MatrixRole, number>>>,
  extra: Partial<MatrixRow> = {},
): MatrixRow[] =>
  Object.entries(statuses).map(([record, expected]) => ({ endpoint, entity, record: record as RecordKind, action, expected, ...extra }));

const row = async (ctx: MatrixContext, sql: string, params: unknown[]) => (await ctx.t.dataSource.query(sql, params))[0];
const insert = async (ctx: MatrixContext, sql: string, params: unknown[]): Promise<string> => (await row(ctx, sql, params)).id;

const labFor = (ctx: MatrixContext, kind: RecordKind, caller: SeededUser | null): SeededLab => {
  const where = placement(ctx, caller);
  return kind === 'otherLab' ? where.otherLab : kind === 'otherRegion' ? where.otherRegionLab : where.homeLab;
};

// A project led by the caller for `own` (when they hold a lab role there), by nobody otherwise.
async function insertProject(ctx: MatrixContext, kind: RecordKind, caller: SeededUser | null): Promise<{ projectId: string; lab: SeededLab }> {
  const lab = labFor(ctx, kind, caller);
  const leadId = kind === 'own' && caller?.labId === lab.id ? caller.id : null;
  const projectId = await insert(ctx, `INSERT INTO project (lab_id, code, name, stage, lead_id) VALUES ($1, $2, 'Projet de la matrice', 'ideation', $3) RETURNING id`, [
    lab.id,
    `MX-${uniqueSuffix()}`,
    leadId,
  ]);
  return { projectId, lab };
}

const insertOrganisation = (ctx: MatrixContext, lab: SeededLab) =>
  insert(ctx, `INSERT INTO organisation (lab_id, name, type) VALUES ($1, $2, 'association') RETURNING id`, [lab.id, `Association ${uniqueSuffix()}`]);

// A project seen through what hangs off it; params also carry an organisation of its lab for bodies.
const portfolioProject: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') return { params: {}, snapshot: async () => null };
  const { projectId, lab } = await insertProject(ctx, kind, caller);
  const organisationId = await insertOrganisation(ctx, lab);
  return {
    params: { projectId, organisationId },
    snapshot: () =>
      row(ctx, `SELECT (SELECT count(*)::int FROM milestone WHERE project_id = $1) AS milestones,
        (SELECT count(*)::int FROM project_partner WHERE project_id = $1) AS partners,
        (SELECT count(*)::int FROM funding_line WHERE project_id = $1) AS funding`, [projectId]),
  };
};

const milestones: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') return { params: {}, snapshot: () => row(ctx, `SELECT count(*)::int AS n FROM milestone`, []) };
  const { projectId, lab } = await insertProject(ctx, kind, caller);
  const id = await insert(ctx, `INSERT INTO milestone (project_id, lab_id, title, kind, stage, due_on) VALUES ($1, $2, 'Jalon de la matrice', 'decision', 'ideation', '2030-01-01') RETURNING id`, [
    projectId,
    lab.id,
  ]);
  return { params: { id, projectId }, version: 1, snapshot: () => row(ctx, `SELECT * FROM milestone WHERE id = $1`, [id]) };
};

const organisations: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') return { params: {}, snapshot: () => row(ctx, `SELECT count(*)::int AS n FROM organisation`, []) };
  const id = await insertOrganisation(ctx, labFor(ctx, kind, caller));
  return { params: { id }, version: 1, snapshot: () => row(ctx, `SELECT * FROM organisation WHERE id = $1`, [id]) };
};

const contacts: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  const lab = labFor(ctx, kind, caller);
  const organisationId = await insertOrganisation(ctx, lab);
  if (kind === 'none') return { params: { organisationId }, snapshot: () => row(ctx, `SELECT count(*)::int AS n FROM contact`, []) };
  const id = await insert(ctx, `INSERT INTO contact (lab_id, organisation_id, full_name, email) VALUES ($1, $2, 'Personne Matrice', $3) RETURNING id`, [
    lab.id,
    organisationId,
    `matrice.${uniqueSuffix()}@exemple.fr`,
  ]);
  return { params: { id, organisationId }, version: 1, snapshot: () => row(ctx, `SELECT * FROM contact WHERE id = $1`, [id]) };
};

const partners: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  const { projectId, lab } = await insertProject(ctx, kind, caller);
  const organisationId = await insertOrganisation(ctx, lab);
  const partnerId = await insert(ctx, `INSERT INTO project_partner (project_id, organisation_id, role) VALUES ($1, $2, 'partner') RETURNING id`, [projectId, organisationId]);
  return { params: { projectId, partnerId }, snapshot: () => row(ctx, `SELECT * FROM project_partner WHERE id = $1`, [partnerId]) };
};

const funding: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  const { projectId, lab } = await insertProject(ctx, kind, caller);
  const id = await insert(ctx, `INSERT INTO funding_line (project_id, lab_id, scheme, amount_cents) VALUES ($1, $2, 'subvention', 100000) RETURNING id`, [projectId, lab.id]);
  return { params: { id, projectId }, version: 1, snapshot: () => row(ctx, `SELECT * FROM funding_line WHERE id = $1`, [id]) };
};

export const PORTFOLIO_RECORD_FACTORIES: Record<string, RecordFactory> = {
  portfolioProject,
  milestone: milestones,
  organisation: organisations,
  contact: contacts,
  partner: partners,
  funding,
};

// Reads: the lab's people read their lab, a director their region; admins read no portfolio.
const read = { own: by(200, 200, 200, 403), sameLab: by(200, 200, 200, 403), otherLab: by(404, 404, 200, 403), otherRegion: by(404, 404, 404, 403, 401, 200) };
// Lab-held records (partners, funding, organisations, contacts): the lab manager only.
const manage = (ok: number) => ({
  own: by(403, ok, 403, 403),
  sameLab: by(403, ok, 403, 403),
  otherLab: by(404, 404, 403, 403),
  otherRegion: by(404, 404, 404, 403, 401, 403),
});
// Milestones: the lead of the project too.
const logMilestone = (ok: number) => ({
  own: by(ok, ok, 403, 403),
  sameLab: by(403, ok, 403, 403),
  otherLab: by(404, 404, 403, 403),
  otherRegion: by(404, 404, 404, 403, 401, 403),
});
// Records held by a lab, not by a person: no `own` placement.
const labRead = { sameLab: read.sameLab, otherLab: read.otherLab, otherRegion: read.otherRegion };
const labManage = { sameLab: manage(200).sameLab, otherLab: manage(200).otherLab, otherRegion: manage(200).otherRegion };
// Contacts are personal data: a national account reaches none (404 wherever a director reads or is refused).
const contactRead = {
  sameLab: by(200, 200, 200, 403, 401, 404),
  otherLab: by(404, 404, 200, 403, 401, 404),
  otherRegion: by(404, 404, 404, 403, 401, 404),
};
const contactManage = {
  sameLab: by(403, 200, 403, 403, 401, 404),
  otherLab: by(404, 404, 403, 403, 401, 404),
  otherRegion: by(404, 404, 404, 403, 401, 404),
};

export const PORTFOLIO_MATRIX_ROWS: MatrixRow[] = [
  // milestones
  ...placed('GET /api/v1/projects/:projectId/milestones', 'portfolioProject', 'read', read),
  ...placed('POST /api/v1/projects/:projectId/milestones', 'portfolioProject', 'write', logMilestone(201), {
    body: () => ({ title: 'Jalon de la matrice', kind: 'workshop', dueOn: '2030-02-01', participantCount: 12 }),
  }),
  { endpoint: 'GET /api/v1/milestones', entity: 'milestone', record: 'none', action: 'read', expected: by(200, 200, 200, 403) },
  ...placed('GET /api/v1/milestones/:id', 'milestone', 'read', read),
  ...placed('PATCH /api/v1/milestones/:id', 'milestone', 'write', logMilestone(200), { body: (r) => ({ version: r.version, status: 'done' }) }),

  // organisations
  { endpoint: 'GET /api/v1/organisations', entity: 'organisation', record: 'none', action: 'read', expected: by(200, 200, 200, 403) },
  {
    endpoint: 'POST /api/v1/organisations',
    entity: 'organisation',
    record: 'none',
    action: 'write',
    body: () => ({ name: `Organisation ${uniqueSuffix()}`, type: 'social_economy' }),
    expected: by(403, 201, 403, 403),
  },
  ...placed('GET /api/v1/organisations/:id', 'organisation', 'read', labRead),
  ...placed('PATCH /api/v1/organisations/:id', 'organisation', 'write', labManage, { body: (r) => ({ version: r.version, department: '59' }) }),

  // partners
  ...placed('GET /api/v1/projects/:projectId/partners', 'portfolioProject', 'read', read),
  ...placed('POST /api/v1/projects/:projectId/partners', 'portfolioProject', 'write', manage(201), {
    body: (r) => ({ organisationId: r.params['organisationId'], role: 'partner' }),
  }),
  ...placed('DELETE /api/v1/projects/:projectId/partners/:partnerId', 'partner', 'delete', manage(204)),

  // contacts: personal data, managed, exported and erased by the lab manager
  { endpoint: 'GET /api/v1/contacts', entity: 'contact', record: 'none', action: 'read', expected: by(200, 200, 200, 403) },
  {
    endpoint: 'POST /api/v1/contacts',
    entity: 'contact',
    record: 'none',
    action: 'write',
    body: (r) => ({ organisationId: r.params['organisationId'], fullName: 'Personne Créée', email: `cree.${uniqueSuffix()}@exemple.fr` }),
    expected: by(403, 201, 403, 403),
  },
  ...placed('GET /api/v1/contacts/:id', 'contact', 'read', contactRead),
  ...placed('PATCH /api/v1/contacts/:id', 'contact', 'write', contactManage, { body: (r) => ({ version: r.version, roleTitle: 'Trésorière' }) }),
  // Both count in the caller's 'contacts-scan' limit.
  ...placed('GET /api/v1/contacts/:id/export', 'contact', 'export', contactManage, { rateLimit: 'contacts-scan' }),
  ...placed('DELETE /api/v1/contacts/:id/erasure', 'contact', 'delete', contactManage, { rateLimit: 'contacts-scan' }),

  // funding
  ...placed('GET /api/v1/projects/:projectId/funding', 'portfolioProject', 'read', read),
  ...placed('POST /api/v1/projects/:projectId/funding', 'portfolioProject', 'write', manage(201), {
    body: () => ({ scheme: 'subvention', amountCents: 2_500_000 }),
  }),
  ...placed('GET /api/v1/funding/:id', 'funding', 'read', read),
  ...placed('PATCH /api/v1/funding/:id', 'funding', 'write', manage(200), { body: (r) => ({ version: r.version, status: 'granted' }) }),
];
