import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../../apps/api/src/database/database-options';
import { DatabaseSession, LOGIN_ROLE } from '../../../../apps/api/src/database/database-session';
import { MIGRATIONS } from '@sillon/migrations';
import { createTestSchema, TestSchema } from '../support/test-database';

describe('migrations', () => {
  let schema: TestSchema;
  let dataSource: DataSource;

  const tables = async () =>
    (
      await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations' ORDER BY table_name`,
        [schema.connection.schema],
      )
    ).map((row: { table_name: string }) => row.table_name);

  beforeAll(async () => {
    schema = await createTestSchema();
    dataSource = await new DataSource(dataSourceOptions({ ...schema.connection, poolSize: 1 })).initialize();
    new DatabaseSession(LOGIN_ROLE, schema.connection.mode === 'embedded').install(dataSource);
    await dataSource.query(`SET search_path TO "${schema.connection.schema}", public`);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await schema.drop();
  });

  it('run up, down to nothing, and up again', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    const created = await tables();
    expect(created).toEqual(expect.arrayContaining(['audit_event', 'instance']));

    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(created);
  });

  it('keep the audit trail append-only', async () => {
    await dataSource.query(`INSERT INTO audit_event (action, entity_type) VALUES ('create', 'project')`);
    await expect(dataSource.query(`UPDATE audit_event SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    expect(await dataSource.query(`SELECT action FROM audit_event`)).toEqual([{ action: 'create' }]);
  });
});
