import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { createTestApp, TestApp } from '../support/test-app';

// The migrations are the schema's source of truth (synchronize is off); the TypeORM entities must
// describe the same columns, or a repository reads and writes columns that are not there.
describe('TypeORM entities', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  // One line per column: name, type as PostgreSQL writes it, nullability, default, how it is generated.
  const line = (name: string, type: string, nullable: boolean, defaultValue: string | null, generated: string) =>
    [name, type, nullable ? 'NULL' : 'NOT NULL', defaultValue === null ? '' : `DEFAULT ${defaultValue}`, generated].filter(Boolean).join(' ');

  // A default as PostgreSQL keeps it, without the cast of a literal: '{}'::character varying[] is '{}'.
  const databaseDefault = (expression: string | null) => expression?.replace(/^('.*')::[a-z ]+(\(\d+\))?(\[\])?$/, '$1') ?? null;

  function entityDefault(column: ColumnMetadata): string | null {
    if (column.generationStrategy === 'uuid') return 'gen_random_uuid()';
    const value: unknown = column.default;
    if (value === undefined || value === null) return null;
    if (typeof value === 'function') return String(value());
    return typeof value === 'string' ? `'${value}'` : String(value);
  }

  function entityLine(column: ColumnMetadata): string {
    const driver = t.apiDataSource.driver;
    const type = `${driver.normalizeType(column)}${column.length ? `(${column.length})` : ''}${column.isArray ? '[]' : ''}`;
    const generated = column.generatedIdentity ? 'IDENTITY' : column.generatedType ? 'GENERATED' : '';
    return line(column.databaseName, type, column.isNullable, entityDefault(column), generated);
  }

  it('declare exactly the columns the migrations create, with their type, nullability and default', async () => {
    const columns: { table: string; name: string; type: string; not_null: boolean; default: string | null; identity: boolean; generated: boolean }[] =
      await t.dataSource.query(
        `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default,
                a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
        [t.connection.schema],
      );
    const entities = t.apiDataSource.entityMetadatas;
    expect(entities.length).toBeGreaterThan(0);
    const inDatabase = Object.fromEntries(
      entities.map((entity) => [
        entity.tableName,
        columns
          .filter((column) => column.table === entity.tableName)
          .map((column) => line(column.name, column.type, !column.not_null, databaseDefault(column.default), column.identity ? 'IDENTITY' : column.generated ? 'GENERATED' : ''))
          .sort(),
      ]),
    );
    // A relation and the column holding its key are one column of the table.
    const declared = Object.fromEntries(entities.map((entity) => [entity.tableName, [...new Set(entity.columns.map(entityLine))].sort()]));
    expect(declared).toEqual(inDatabase);
  });

  it('never change the schema themselves', () => {
    expect(t.apiDataSource.options.synchronize).toBe(false);
  });
});
