import type { MatrixRow } from './authorization-matrix';
import { MatrixContext, MatrixRecord, placement, RecordFactory } from './record-factories';
import { by } from './matrix-statuses';

// Rows of the reports area (spread into MATRIX_ROWS) and its record factory: a lab placed relative
// to the caller, passed as ?lab=. Lab managers report on their lab, directors on their region;
// project leads and admins get 403 whatever the lab, anonymous callers 401.

const exportsWritten = async (ctx: MatrixContext) =>
  (await ctx.t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'export' AND entity_type = 'report'`))[0];

const reportLab: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') return { params: {}, snapshot: () => exportsWritten(ctx) };
  const where = placement(ctx, caller);
  const lab = kind === 'otherLab' ? where.otherLab : kind === 'otherRegion' ? where.otherRegionLab : where.homeLab;
  return { params: { labId: lab.id }, snapshot: () => exportsWritten(ctx) };
};

export const REPORT_RECORD_FACTORIES: Record<string, RecordFactory> = { reportLab };

const PATHS = ['/api/v1/reports/portfolio', '/api/v1/reports/portfolio.csv', '/api/v1/reports/portfolio.xlsx', '/api/v1/reports/portfolio.pdf'] as const;

export const REPORT_MATRIX_ROWS: MatrixRow[] = PATHS.flatMap((path): MatrixRow[] => {
  const action = path.endsWith('portfolio') ? 'read' : 'export';
  // Exports count in the caller's 'reports-export' limit; the figures on screen do not.
  const limit: Partial<MatrixRow> = action === 'export' ? { rateLimit: 'reports-export' } : {};
  return [
    { endpoint: `GET ${path}`, entity: 'reportLab', record: 'none', action, expected: by(403, 200, 200, 403), ...limit },
    { endpoint: `GET ${path}?lab=:labId`, entity: 'reportLab', record: 'own', action, expected: by(403, 200, 200, 403), ...limit },
    { endpoint: `GET ${path}?lab=:labId`, entity: 'reportLab', record: 'otherLab', action, expected: by(403, 404, 200, 403), ...limit },
    { endpoint: `GET ${path}?lab=:labId`, entity: 'reportLab', record: 'otherRegion', action, expected: by(403, 404, 404, 403, 401, 200), ...limit },
  ];
});
