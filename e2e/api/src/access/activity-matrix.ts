import type { MatrixRole, MatrixRow } from './authorization-matrix';
import { MatrixContext, MatrixRecord, placement, RecordFactory, RecordKind } from './record-factories';
import { by } from './matrix-statuses';

// Rows of the lab activities area (spread into MATRIX_ROWS) and its record factory. The lab's people
// read their lab's activities and record new ones; the lab manager changes every one of the lab, a
// project lead those they recorded; directors read their region; admins read no portfolio.

const row = async (ctx: MatrixContext, sql: string, params: unknown[]) => (await ctx.t.dataSource.query(sql, params))[0];

// `own`: recorded by the caller in their lab (nobody's for a director or an admin); other placements: by nobody.
const activity: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') {
    return { params: {}, snapshot: () => row(ctx, `SELECT count(*)::int AS n, (SELECT count(*)::int FROM audit_event WHERE entity_type = 'lab_activity') AS events FROM lab_activity`, []) };
  }
  const where = placement(ctx, caller);
  const lab = kind === 'otherLab' ? where.otherLab : kind === 'otherRegion' ? where.otherRegionLab : where.homeLab;
  const createdBy = kind === 'own' && caller?.labId === lab.id ? caller.id : null;
  const { id } = await row(
    ctx,
    `INSERT INTO lab_activity (lab_id, title, kind, starts_on, attendance_citizen, created_by) VALUES ($1, 'Activité de la matrice', 'visit', '2026-04-01', 30, $2) RETURNING id`,
    [lab.id, createdBy],
  );
  return { params: { id }, version: 1, snapshot: () => row(ctx, `SELECT * FROM lab_activity WHERE id = $1`, [id]) };
};

export const ACTIVITY_RECORD_FACTORIES: Record<string, RecordFactory> = { activity };

const read: Partial<Record<RecordKind, Record<MatrixRole, number>>> = {
  own: by(200, 200, 200, 403),
  sameLab: by(200, 200, 200, 403),
  otherLab: by(404, 404, 200, 403),
  // The national direction reads every region.
  otherRegion: by(404, 404, 404, 403, 401, 200),
};
const change = (ok: number): Partial<Record<RecordKind, Record<MatrixRole, number>>> => ({
  own: by(ok, ok, 403, 403),
  sameLab: by(403, ok, 403, 403),
  otherLab: by(404, 404, 403, 403),
  otherRegion: by(404, 404, 404, 403, 401, 403),
});

const placed = (endpoint: MatrixRow['endpoint'], action: MatrixRow['action'], statuses: Partial<Record<RecordKind, Record<MatrixRole, number>>>, extra: Partial<MatrixRow> = {}): MatrixRow[] =>
  Object.entries(statuses).map(([record, expected]) => ({ endpoint, entity: 'activity', record: record as RecordKind, action, expected, ...extra }));

export const ACTIVITY_MATRIX_ROWS: MatrixRow[] = [
  { endpoint: 'GET /api/v1/activities', entity: 'activity', record: 'none', action: 'read', expected: by(200, 200, 200, 403) },
  {
    endpoint: 'POST /api/v1/activities',
    entity: 'activity',
    record: 'none',
    action: 'write',
    body: () => ({ title: 'Visite de la matrice', kind: 'visit', startsOn: '2026-04-02', attendance: { citizen: 12, state: 2 } }),
    expected: by(201, 201, 403, 403),
  },
  // Exports of the list count in the caller's 'reports-export' limit.
  ...(['/api/v1/activities.csv', '/api/v1/activities.xlsx'] as const).map(
    (path): MatrixRow => ({ endpoint: `GET ${path}`, entity: 'activity', record: 'none', action: 'export', rateLimit: 'reports-export', expected: by(200, 200, 200, 403) }),
  ),
  ...placed('GET /api/v1/activities/:id', 'read', read),
  ...placed('PATCH /api/v1/activities/:id', 'write', change(200), { body: (r) => ({ version: r.version, attendance: { company: 4 } }) }),
  ...placed('DELETE /api/v1/activities/:id', 'delete', change(204)),
];
