import type { MatrixRow } from './authorization-matrix';
import { MatrixContext, MatrixRecord, placement, RecordFactory } from './record-factories';
import { by } from './matrix-statuses';

// Rows of the projects list's exports (GET /api/v1/projects.csv | .xlsx, spread into MATRIX_ROWS):
// whoever reads the list may export it, with the same scope; a lab passed as ?lab= outside the
// caller's reach selects nothing (projects-export.spec.ts reads the files' rows). Archived projects:
// lab managers only, as in the list. Admins do not read the portfolio.

const exportsWritten = async (ctx: MatrixContext) =>
  (await ctx.t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'export' AND entity_type = 'project'`))[0];

// A lab placed relative to the caller, for ?lab=.
const projectExportLab: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') return { params: {}, snapshot: () => exportsWritten(ctx) };
  const where = placement(ctx, caller);
  const lab = kind === 'otherLab' ? where.otherLab : kind === 'otherRegion' ? where.otherRegionLab : where.homeLab;
  return { params: { labId: lab.id }, snapshot: () => exportsWritten(ctx) };
};

export const PROJECT_EXPORT_RECORD_FACTORIES: Record<string, RecordFactory> = { projectExportLab };

export const PROJECT_EXPORT_MATRIX_ROWS: MatrixRow[] = (['/api/v1/projects.csv', '/api/v1/projects.xlsx'] as const).flatMap((path): MatrixRow[] => [
  { endpoint: `GET ${path}`, entity: 'projectExportLab', record: 'none', action: 'export', rateLimit: 'reports-export', expected: by(200, 200, 200, 403) },
  { endpoint: `GET ${path}?lab=:labId`, entity: 'projectExportLab', record: 'own', action: 'export', rateLimit: 'reports-export', expected: by(200, 200, 200, 403) },
  { endpoint: `GET ${path}?lab=:labId`, entity: 'projectExportLab', record: 'otherLab', action: 'export', rateLimit: 'reports-export', expected: by(200, 200, 200, 403) },
  { endpoint: `GET ${path}?lab=:labId`, entity: 'projectExportLab', record: 'otherRegion', action: 'export', rateLimit: 'reports-export', expected: by(200, 200, 200, 403) },
  {
    endpoint: `GET ${path}`,
    entity: 'projectExportLab',
    record: 'none',
    action: 'export',
    rateLimit: 'reports-export',
    query: { archived: 'true' },
    expected: by(403, 200, 403, 403),
  },
]);
