import type { MatrixRow } from './authorization-matrix';
import { MatrixContext, MatrixRecord, RecordFactory } from './record-factories';
import { by } from './matrix-statuses';

// Rows of the imports area (spread into MATRIX_ROWS) and its record factory. Only lab managers
// import, into their own lab; the others get 403 before the upload is read, anonymous callers 401.
// The matrix sends JSON, not multipart: for a lab manager such a request passes the role check and
// fails validation (no file: 400 naming `file`), so 400 stands for "allowed" here; imports.spec.ts
// sends real CSV and XLSX files.

// What an import could change: the records of every lab and the import events.
const written = async (ctx: MatrixContext) =>
  (
    await ctx.t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM project) AS projects, (SELECT count(*)::int FROM milestone) AS milestones,
              (SELECT count(*)::int FROM organisation) AS organisations,
              (SELECT count(*)::int FROM audit_event WHERE action = 'import') AS imports`,
    )
  )[0];

const importTarget: RecordFactory = async (ctx): Promise<MatrixRecord> => ({ params: {}, snapshot: () => written(ctx) });

export const IMPORT_RECORD_FACTORIES: Record<string, RecordFactory> = { importTarget };

const MAPPING = JSON.stringify({ name: 'Nom du projet' });

export const IMPORT_MATRIX_ROWS: MatrixRow[] = [
  { endpoint: 'POST /api/v1/imports/analyse', entity: 'importTarget', record: 'none', action: 'write', body: () => ({ kind: 'projects' }), expected: by(403, 400, 403, 403) },
  {
    endpoint: 'POST /api/v1/imports/dry-run',
    entity: 'importTarget',
    record: 'none',
    action: 'write',
    body: () => ({ kind: 'projects', mapping: MAPPING }),
    expected: by(403, 400, 403, 403),
  },
  { endpoint: 'POST /api/v1/imports', entity: 'importTarget', record: 'none', action: 'write', body: () => ({ kind: 'projects', mapping: MAPPING }), expected: by(403, 400, 403, 403) },
];
