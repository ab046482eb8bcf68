import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DatabaseConnection } from '../../../../apps/api/src/database/database-options';

export interface TestSchema {
  connection: DatabaseConnection;
  drop(): Promise<void>;
}

export function testServer(): { url: string; mode: 'embedded' | 'postgres' } {
  const url = process.env['SILLON_TEST_DATABASE_URL'];
  if (!url) throw new Error('SILLON_TEST_DATABASE_URL is unset: run the API tests through their Jest config');
  return { url, mode: process.env['SILLON_TEST_DATABASE_MODE'] === 'postgres' ? 'postgres' : 'embedded' };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // On the embedded server every connection shares one session, which the API may have left in its role.
    await client.query('RESET ROLE');
    return await work(client);
  } finally {
    await client.end();
  }
}

// A fresh, empty schema of the test server, so that each test file starts from nothing.
export async function createTestSchema(): Promise<TestSchema> {
  const { url, mode } = testServer();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withClient(url, (client) => client.query(`CREATE SCHEMA "${schema}"`));
  return {
    // The embedded server answers one query at a time (see resolveDatabase): one connection.
    connection: { mode, url, poolSize: mode === 'embedded' ? 1 : 10, schema },
    drop: () => withClient(url, (client) => client.query(`DROP SCHEMA "${schema}" CASCADE`)).then(() => undefined),
  };
}
