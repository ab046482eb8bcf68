import type { MatrixRole, MatrixRow } from './authorization-matrix';
import { MatrixContext, MatrixRecord, placement, RecordFactory, RecordKind, uniqueSuffix } from './record-factories';
import { by } from './matrix-statuses';
import type { SeededLab, SeededUser } from '../support/fixtures';

// Rows of the commons area (spread into MATRIX_ROWS) and its record factories: a project's commons
// are read by its readers and written by whoever may write the project (its lead, the lab manager);
// the open-data feed answers everybody, signed in or not.

const row = async (ctx: MatrixContext, sql: string, params: unknown[]) => (await ctx.t.dataSource.query(sql, params))[0];

const labFor = (ctx: MatrixContext, kind: RecordKind, caller: SeededUser | null): SeededLab => {
  const where = placement(ctx, caller);
  return kind === 'otherLab' ? where.otherLab : kind === 'otherRegion' ? where.otherRegionLab : where.homeLab;
};

// A project led by the caller for `own` (when they hold a lab role there), by nobody otherwise.
async function insertProject(ctx: MatrixContext, kind: RecordKind, caller: SeededUser | null): Promise<{ projectId: string; lab: SeededLab }> {
  const lab = labFor(ctx, kind, caller);
  const leadId = kind === 'own' && caller?.labId === lab.id ? caller.id : null;
  const { id } = await row(ctx, `INSERT INTO project (lab_id, code, name, stage, lead_id) VALUES ($1, $2, 'Projet de la matrice', 'ideation', $3) RETURNING id`, [
    lab.id,
    `MX-${uniqueSuffix()}`,
    leadId,
  ]);
  return { projectId: id, lab };
}

const commonsProject: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') return { params: {}, snapshot: async () => null };
  const { projectId } = await insertProject(ctx, kind, caller);
  return { params: { projectId }, snapshot: () => row(ctx, `SELECT count(*)::int AS n FROM project_common WHERE project_id = $1`, [projectId]) };
};

const common: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  const { projectId, lab } = await insertProject(ctx, kind, caller);
  const { id } = await row(
    ctx,
    `INSERT INTO project_common (lab_id, project_id, title, kind, licence, url, published_on)
     VALUES ($1, $2, 'Commun de la matrice', 'guide', 'etalab_2_0', 'https://communs.example.fr/matrice', '2026-05-01') RETURNING id`,
    [lab.id, projectId],
  );
  return {
    params: { id, projectId },
    version: 1,
    snapshot: () => row(ctx, `SELECT c.*, (SELECT count(*)::int FROM common_reuse u WHERE u.common_id = c.id) AS reuses FROM project_common c WHERE c.id = $1`, [id]),
  };
};

export const COMMONS_RECORD_FACTORIES: Record<string, RecordFactory> = { commonsProject, common };

const placed = (
  endpoint: MatrixRow['endpoint'],
  entity: string,
  action: MatrixRow['action'],
  statuses: Partial<Record<RecordKind, Record<MatrixRole, number>>>,
  extra: Partial<MatrixRow> = {},
): MatrixRow[] =>
  Object.entries(statuses).map(([record, expected]) => ({ endpoint, entity, record: record as RecordKind, action, expected, ...extra }));

// The lab's people read their lab, a director their region; admins read no portfolio.
const read = { own: by(200, 200, 200, 403), sameLab: by(200, 200, 200, 403), otherLab: by(404, 404, 200, 403), otherRegion: by(404, 404, 404, 403, 401, 200) };
// The project's lead and the lab manager write; a director reads only.
const write = (ok: number) => ({
  own: by(ok, ok, 403, 403),
  sameLab: by(403, ok, 403, 403),
  otherLab: by(404, 404, 403, 403),
  otherRegion: by(404, 404, 404, 403, 401, 403),
});

const newCommon = () => ({
  title: 'Méthode de la matrice',
  kind: 'methode',
  licence: 'cc_by_4_0',
  url: 'https://communs.example.fr/methode',
  publishedOn: '2026-06-01',
  reuses: [{ territory: 'Ville de Lens', department: '62', since: '2026-07-01' }],
});

const openData = (path: string): MatrixRow => ({ endpoint: `GET ${path}` as MatrixRow['endpoint'], entity: 'none', record: 'none', action: 'read', expected: by(200, 200, 200, 200, 200) });

export const COMMONS_MATRIX_ROWS: MatrixRow[] = [
  ...placed('GET /api/v1/projects/:projectId/commons', 'commonsProject', 'read', read),
  ...placed('POST /api/v1/projects/:projectId/commons', 'commonsProject', 'write', write(201), { body: newCommon }),
  ...placed('PATCH /api/v1/commons/:id', 'common', 'write', write(200), {
    body: (r) => ({ version: r.version, title: 'Commun renommé', reuses: [{ territory: 'Ville de Douai', since: '2026-08-01' }] }),
  }),
  ...placed('DELETE /api/v1/commons/:id', 'common', 'delete', write(204)),
  openData('/api/v1/open-data/projects.json'),
  openData('/api/v1/open-data/projects.csv'),
  openData('/api/v1/open-data/schema.json'),
];
