import { Client } from 'pg';
import type { DataSource, Repository } from 'typeorm';
import type { PreparedStatements } from '../../apps/api/src/database/prepared-statements';
import { Statement } from './explain';

// What PostgreSQL's own time is measured on: the statements an endpoint's service really sends.
// Rather than copies of its SQL that would drift, the service itself runs against a connection
// that records each statement (and runs it, so that the service gets its rows and goes on).
export async function captureStatements(client: Client, run: (db: RecordingDatabase) => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const record = async (sql: string, params: unknown[], prepared: boolean) => {
    statements.push({ label: `q${statements.length + 1}`, sql, params, prepared });
    return (await client.query(sql, params)).rows;
  };
  const query = (sql: string, params: unknown[] = []) => record(sql, params, false);
  const manager = {
    query,
    // transaction(work) or transaction(isolationLevel, work): the statements are recorded either way.
    transaction: async (...args: unknown[]) => (args[args.length - 1] as (m: unknown) => Promise<unknown>)(manager),
  };
  const dataSource = { query, manager, transaction: manager.transaction } as unknown as DataSource;
  const statementsOfPool = { query: (sql: string, params: unknown[] = []) => record(sql, params, true) };
  await run({ dataSource, repository: dataSource as unknown as Repository<never>, statements: statementsOfPool as unknown as PreparedStatements });
  return statements;
}

export interface RecordingDatabase {
  // For services that take the DataSource, and for those that take a Repository (query, manager).
  dataSource: DataSource;
  repository: Repository<never>;
  // For the reads sent as prepared statements (recorded as such: see explainMedian).
  statements: PreparedStatements;
}
