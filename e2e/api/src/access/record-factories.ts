import { randomBytes } from 'node:crypto';
import { SeededLab, SeededTenants, SeededUser, testPasswordHash } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { PROJECT_EXPORT_RECORD_FACTORIES } from './project-export-matrix';
import { PROJECT_RECORD_FACTORIES } from './project-matrix';
import { REPORT_RECORD_FACTORIES } from './report-matrix';
import { PORTFOLIO_RECORD_FACTORIES } from './portfolio-matrix';
import { PROPOSAL_RECORD_FACTORIES } from './proposal-matrix';
import { ACTIVITY_RECORD_FACTORIES } from './activity-matrix';
import { IMPORT_RECORD_FACTORIES } from './import-matrix';
import { COMMONS_RECORD_FACTORIES } from './commons-matrix';

// Where a record sits relative to the caller: theirs, their lab's, another lab of their region,
// another region's; `none` for collection routes (list, create).
export const RECORD_KINDS = ['own', 'sameLab', 'otherLab', 'otherRegion', 'none'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface MatrixContext {
  t: TestApp;
  tenants: SeededTenants;
}

export interface MatrixRecord {
  // Values of the path template's parameters (:id, :projectId…).
  params: Record<string, string>;
  // The record's version when it has one, for bodies of versioned updates.
  version?: number;
  // The stored state, read straight from the database: compared before and after a denied write.
  // For `none`, a state of the whole table (e.g. its row count), so that a denied create shows.
  snapshot(): Promise<unknown>;
}

// Creates (or picks) a record of one entity kind placed relative to the caller.
// The caller is null for anonymous: records are then placed as for a Lille project lead.
export type RecordFactory = (ctx: MatrixContext, kind: RecordKind, caller: SeededUser | null) => Promise<MatrixRecord>;

export interface Placement {
  homeLab: SeededLab;
  otherLab: SeededLab;
  otherRegionLab: SeededLab;
}

// The caller's lab (a director's or an admin's: the first lab of their region, Lille by default),
// another lab of the same region, and a lab of another region.
export function placement(ctx: MatrixContext, caller: SeededUser | null): Placement {
  const labs = Object.values(ctx.tenants.labs);
  const regionId = caller?.regionId ?? ctx.tenants.regions.hdf.id;
  const homeLab = labs.find((l) => l.id === caller?.labId) ?? labs.find((l) => l.regionId === regionId) ?? ctx.tenants.labs.lille;
  const otherLab = labs.find((l) => l.regionId === homeLab.regionId && l.id !== homeLab.id);
  const otherRegionLab = labs.find((l) => l.regionId !== homeLab.regionId);
  if (!otherLab || !otherRegionLab) throw new Error('seedTenants must give each region two labs and two regions');
  return { homeLab, otherLab, otherRegionLab };
}

export const uniqueSuffix = () => randomBytes(4).toString('hex');

const row = async (ctx: MatrixContext, sql: string, params: unknown[]) => (await ctx.t.dataSource.query(sql, params))[0];

async function insertUser(ctx: MatrixContext, lab: SeededLab): Promise<string> {
  const suffix = uniqueSuffix();
  const [{ id }] = await ctx.t.dataSource.query(
    `INSERT INTO app_user (email, display_name, role, lab_id, password_hash) VALUES ($1, $2, 'project_lead', $3, $4) RETURNING id`,
    [`matrix.${suffix}@test.sillon.fr`, `Matrice ${suffix}`, lab.id, await testPasswordHash()],
  );
  return id;
}

const users: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') return { params: {}, snapshot: () => row(ctx, `SELECT count(*)::int AS n, max(updated_at) AS at FROM app_user`, []) };
  const where = placement(ctx, caller);
  const id =
    kind === 'own' && caller
      ? caller.id
      : await insertUser(ctx, kind === 'otherLab' ? where.otherLab : kind === 'otherRegion' ? where.otherRegionLab : where.homeLab);
  const snapshot = () => row(ctx, `SELECT * FROM app_user WHERE id = $1`, [id]);
  return { params: { id }, version: (await snapshot()).version, snapshot };
};

const labs: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') return { params: {}, snapshot: () => row(ctx, `SELECT count(*)::int AS n, max(updated_at) AS at FROM lab`, []) };
  const where = placement(ctx, caller);
  const lab = kind === 'otherLab' ? where.otherLab : kind === 'otherRegion' ? where.otherRegionLab : where.homeLab;
  const snapshot = () => row(ctx, `SELECT * FROM lab WHERE id = $1`, [lab.id]);
  return { params: { id: lab.id }, version: (await snapshot()).version, snapshot };
};

const regions: RecordFactory = async (ctx, kind, caller): Promise<MatrixRecord> => {
  if (kind === 'none') return { params: {}, snapshot: () => row(ctx, `SELECT count(*)::int AS n, string_agg(name, ',' ORDER BY id) AS names FROM region`, []) };
  const where = placement(ctx, caller);
  const regionId = kind === 'otherRegion' ? where.otherRegionLab.regionId : where.homeLab.regionId;
  return { params: { id: regionId }, snapshot: () => row(ctx, `SELECT * FROM region WHERE id = $1`, [regionId]) };
};

// One factory per entity kind named in the matrix; other areas register theirs here.
export const RECORD_FACTORIES: Record<string, RecordFactory> = {
  ...PROJECT_RECORD_FACTORIES,
  ...PROJECT_EXPORT_RECORD_FACTORIES,
  ...REPORT_RECORD_FACTORIES,
  ...PORTFOLIO_RECORD_FACTORIES,
  ...PROPOSAL_RECORD_FACTORIES,
  ...ACTIVITY_RECORD_FACTORIES,
  ...IMPORT_RECORD_FACTORIES,
  ...COMMONS_RECORD_FACTORIES,
  none: async () => ({ params: {}, snapshot: async () => null }),
  user: users,
  lab: labs,
  region: regions,
};
