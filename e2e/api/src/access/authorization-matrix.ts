import type { UserRateLimitName } from '../../../../apps/api/src/modules/auth/user-rate-limits';
import { MatrixRecord, RecordKind, uniqueSuffix } from './record-factories';
import type { MatrixContext } from './record-factories';
import { PROJECT_EXPORT_MATRIX_ROWS } from './project-export-matrix';
import { PROJECT_MATRIX_ROWS } from './project-matrix';
import { REPORT_MATRIX_ROWS } from './report-matrix';
import { PORTFOLIO_MATRIX_ROWS } from './portfolio-matrix';
import { PROPOSAL_MATRIX_ROWS } from './proposal-matrix';
import { ACTIVITY_MATRIX_ROWS } from './activity-matrix';
import { IMPORT_MATRIX_ROWS } from './import-matrix';
import { by } from './matrix-statuses';
import { COMMONS_MATRIX_ROWS } from './commons-matrix';

// The authorisation matrix: every API endpoint × role × record placement × action, with the status
// each role must get. authorization-matrix.spec.ts runs every row for every role, and after a refused
// write reads the record back to check that nothing changed. Areas append their rows to MATRIX_ROWS
// and register a factory for their entity in RECORD_FACTORIES (record-factories.ts).

export const MATRIX_ROLES = ['project_lead', 'lab_manager', 'regional_director', 'admin', 'anonymous', 'national'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export type Action = 'read' | 'write' | 'delete' | 'export';
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface MatrixRow {
  // Method and path template, e.g. 'PATCH /api/v1/users/:id'; parameters come from the record.
  endpoint: `${Method} /${string}`;
  // Key of RECORD_FACTORIES.
  entity: string;
  record: RecordKind;
  action: Action;
  // Body of a write; gets the record (its version) and the context.
  body?: (record: MatrixRecord, ctx: MatrixContext) => object;
  query?: Record<string, string>;
  expected: Record<MatrixRole, number>;
  // Rows that end the caller's session (logout) get a session of their own.
  freshSession?: boolean;
  // The per-user limit the route counts in (@UserRateLimit); the spec checks that exactly these
  // routes carry one, and that past it the caller alone gets 429.
  rateLimit?: UserRateLimitName;
}

const placed = (
  endpoint: MatrixRow['endpoint'],
  entity: string,
  action: Action,
  statuses: Partial<Record<RecordKind, Record<MatrixRole, number>>>,
  extra: Partial<MatrixRow> = {},
): MatrixRow[] =>
  Object.entries(statuses).map(([record, expected]) => ({ endpoint, entity, record: record as RecordKind, action, expected, ...extra }));

const newUser = (ctx: MatrixContext) => ({
  email: `created.${uniqueSuffix()}@test.sillon.fr`,
  displayName: 'Compte créé par la matrice',
  role: 'project_lead',
  labId: ctx.tenants.labs.lille.id,
  password: 'un bon mot de passe',
});

export const MATRIX_ROWS: MatrixRow[] = [
  // projects & pipeline (project-matrix.ts)
  ...PROJECT_MATRIX_ROWS,
  // exports of the projects list (project-export-matrix.ts)
  ...PROJECT_EXPORT_MATRIX_ROWS,
  // reports (report-matrix.ts)
  ...REPORT_MATRIX_ROWS,
  // milestones, organisations, partners, contacts, funding (portfolio-matrix.ts)
  ...PORTFOLIO_MATRIX_ROWS,
  // proposals of stage changes, the lab's journal (proposal-matrix.ts)
  ...PROPOSAL_MATRIX_ROWS,
  // lab activities beyond projects (activity-matrix.ts)
  ...ACTIVITY_MATRIX_ROWS,
  // imports of a lab's spreadsheet (import-matrix.ts)
  ...IMPORT_MATRIX_ROWS,
  // commons and open data (commons-matrix.ts)
  ...COMMONS_MATRIX_ROWS,
  // auth
  { endpoint: 'GET /api/v1/auth/me', entity: 'none', record: 'none', action: 'read', expected: by(200, 200, 200, 200) },
  { endpoint: 'POST /api/v1/auth/logout', entity: 'none', record: 'none', action: 'write', expected: by(204, 204, 204, 204), freshSession: true },

  // users: admins manage every account; a lab manager reads their lab's; others have no access to the area.
  { endpoint: 'GET /api/v1/users', entity: 'user', record: 'none', action: 'read', expected: by(403, 200, 403, 200) },
  ...placed('GET /api/v1/users/:id', 'user', 'read', {
    own: by(403, 200, 403, 200),
    sameLab: by(403, 200, 403, 200),
    otherLab: by(403, 404, 403, 200),
    otherRegion: by(403, 404, 403, 200),
  }),
  { endpoint: 'POST /api/v1/users', entity: 'user', record: 'none', action: 'write', body: (_r, ctx) => newUser(ctx), expected: by(403, 403, 403, 201) },
  ...placed(
    'PATCH /api/v1/users/:id',
    'user',
    'write',
    {
      own: by(403, 403, 403, 200),
      sameLab: by(403, 403, 403, 200),
      otherLab: by(403, 404, 403, 200),
      otherRegion: by(403, 404, 403, 200),
    },
    { body: (r) => ({ version: r.version, displayName: 'Renommé par la matrice' }) },
  ),
  // Role and lab of an account: the same rule (only admins), whatever the body asks.
  ...placed(
    'PATCH /api/v1/users/:id',
    'user',
    'write',
    { own: by(403, 403, 403, 403), sameLab: by(403, 403, 403, 200) },
    { body: (r) => ({ version: r.version, role: 'lab_manager' }) },
  ),
  ...placed('DELETE /api/v1/users/:id', 'user', 'delete', {
    // An admin cannot deactivate their own account.
    own: by(403, 403, 403, 403),
    sameLab: by(403, 403, 403, 200),
    otherLab: by(403, 404, 403, 200),
    otherRegion: by(403, 404, 403, 200),
  }),

  // labs: everyone reads the labs within reach; only admins create or change them.
  { endpoint: 'GET /api/v1/labs', entity: 'lab', record: 'none', action: 'read', expected: by(200, 200, 200, 200) },
  ...placed('GET /api/v1/labs/:id', 'lab', 'read', {
    own: by(200, 200, 200, 200),
    otherLab: by(404, 404, 200, 200),
    otherRegion: by(404, 404, 404, 200, 401, 200),
  }),
  {
    endpoint: 'POST /api/v1/labs',
    entity: 'lab',
    record: 'none',
    action: 'write',
    body: (_r, ctx) => ({ name: `Lab ${uniqueSuffix()}`, code: randomCode(), regionId: ctx.tenants.regions.hdf.id }),
    expected: by(403, 403, 403, 201),
  },
  ...placed(
    'PATCH /api/v1/labs/:id',
    'lab',
    'write',
    {
      own: by(403, 403, 403, 200),
      otherLab: by(404, 404, 403, 200),
      otherRegion: by(404, 404, 404, 200, 401, 403),
    },
    { body: (r) => ({ version: r.version, departments: ['59', '62', '80'] }) },
  ),

  // regions
  { endpoint: 'GET /api/v1/regions', entity: 'region', record: 'none', action: 'read', expected: by(200, 200, 200, 200) },
  ...placed('GET /api/v1/regions/:id', 'region', 'read', { own: by(200, 200, 200, 200), otherRegion: by(404, 404, 404, 200, 401, 200) }),
  {
    endpoint: 'POST /api/v1/regions',
    entity: 'region',
    record: 'none',
    action: 'write',
    body: () => ({ name: `Région ${uniqueSuffix()}` }),
    expected: by(403, 403, 403, 201),
  },
  ...placed(
    'PATCH /api/v1/regions/:id',
    'region',
    'write',
    { own: by(403, 403, 403, 200), otherRegion: by(404, 404, 404, 200, 401, 403) },
    { body: () => ({ name: `Région ${uniqueSuffix()}` }) },
  ),
];

let codes = 0;
// Lab codes unused by the fixtures: QAA, QAB, …
function randomCode(): string {
  const n = codes++;
  const letter = (i: number) => String.fromCharCode(65 + (i % 26));
  return `Q${letter(Math.floor(n / 26))}${letter(n)}`;
}
