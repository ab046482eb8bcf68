import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../../../apps/api/src/database/embedded-postgres';

// One database server for the whole run: the real one of TEST_DATABASE_URL, or an embedded
// PostgreSQL in memory (starting one takes seconds, so never one per test file).
export default async function globalSetup(): Promise<void> {
  if (process.env['TEST_DATABASE_URL']) {
    process.env['SILLON_TEST_DATABASE_URL'] = process.env['TEST_DATABASE_URL'];
    process.env['SILLON_TEST_DATABASE_MODE'] = 'postgres';
    return;
  }
  const root = join(__dirname, '..', '..', '..', '..');
  process.env['TS_NODE_PROJECT'] = join(root, 'apps', 'api', 'tsconfig.app.json');
  const embedded = await startEmbeddedPostgres({
    script: join(root, 'apps', 'api', 'src', 'database', 'embedded-postgres-server.ts'),
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    maxConnections: 16,
  });
  process.env['SILLON_TEST_DATABASE_URL'] = embedded.url;
  process.env['SILLON_TEST_DATABASE_MODE'] = 'embedded';
  (globalThis as { sillonEmbedded?: typeof embedded }).sillonEmbedded = embedded;
}
