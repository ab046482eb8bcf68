import { QueryFailedError } from 'typeorm';
import { PreparedStatements } from '../../../../apps/api/src/database/prepared-statements';
import { createTestApp, TestApp } from '../support/test-app';
import { testServer } from '../support/test-database';

// The hot reads go through PreparedStatements: named statements on a real server, plain queries on
// the embedded one. Either way they must answer like TypeORM's own queries, rows and errors alike.
describe('PreparedStatements', () => {
  let t: TestApp;
  let statements: PreparedStatements;

  beforeAll(async () => {
    t = await createTestApp();
    statements = t.app.get(PreparedStatements);
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers the same rows as TypeORM, run after run, with each run its own parameters', async () => {
    const sql = `SELECT id, name FROM region WHERE name = ANY($1::varchar[]) ORDER BY name`;
    await t.dataSource.query(`INSERT INTO region (name) VALUES ('Auvergne-Rhône-Alpes'), ('Provence-Alpes-Côte d’Azur')`);
    // More runs than the pool has connections, so that a connection runs it again once prepared.
    for (let run = 0; run < 12; run++) {
      const names = run % 2 ? ['Auvergne-Rhône-Alpes'] : ['Auvergne-Rhône-Alpes', 'Provence-Alpes-Côte d’Azur'];
      const rows = await statements.query(sql, [names]);
      expect(rows).toHaveLength(names.length);
      expect(rows).toEqual(await t.dataSource.query(sql, [names]));
    }
  });

  it('reports a failing statement as TypeORM does, so that it gets the same answer', async () => {
    const failure = await statements.query(`SELECT $1::uuid AS id`, ['not-a-uuid']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22P02');
  });

  it('keeps the one plan of each statement, so that a page is not planned again on every request', async () => {
    // A statement that reads its own plan counters. Left to PostgreSQL's choice, its first five runs on
    // a connection would each be planned for their values (custom plans), and a page of a list
    // forever, its LIMIT being a parameter.
    const sql = `SELECT generic_plans::int AS generic, custom_plans::int AS custom
                   FROM pg_prepared_statements WHERE statement = current_query() AND $1::int > 0`;
    for (let run = 1; run <= 12; run++) {
      const [row] = await statements.query<{ generic: number; custom: number }>(sql, [run]);
      if (testServer().mode === 'postgres') {
        expect(row.custom).toBe(0);
        expect(row.generic).toBeGreaterThan(0);
      } else {
        // The embedded server runs them as TypeORM's queries: nothing prepared.
        expect(row).toBeUndefined();
      }
    }
    // TypeORM's own queries are still planned for their values.
    expect(await t.dataSource.query(`SHOW plan_cache_mode`)).toEqual([{ plan_cache_mode: 'auto' }]);
  });

  it('prepares the statements on a real server only', async () => {
    // A prepared statement is visible in its own session: this one sees at least itself.
    const prepared = await statements.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE name LIKE 'sillon_%'`);
    if (testServer().mode === 'postgres') expect(prepared.length).toBeGreaterThan(0);
    else expect(prepared).toEqual([]);
  });
});
