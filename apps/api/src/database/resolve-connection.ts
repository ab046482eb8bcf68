import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { DatabaseConnection } from './database-options';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  connection: DatabaseConnection;
  embedded?: EmbeddedPostgres;
}

// With DATABASE_URL: that server. Without: an embedded PostgreSQL persisted in SILLON_DATA_DIR.
// `bundleDir` is the folder of the built entry points (dist/apps/api).
export async function resolveDatabase(config: AppConfig, bundleDir: string): Promise<ResolvedDatabase> {
  if (config.database.url) {
    return { connection: { mode: 'postgres', url: config.database.url, poolSize: config.database.poolSize, limits: config.database.limits } };
  }
  // The embedded server answers one query at a time: several pooled connections would only queue
  // there, and a single one keeps each statement's protocol messages together.
  const poolSize = 1;
  const embedded = await startEmbeddedPostgres({
    script: join(bundleDir, 'embedded-postgres-server.js'),
    dataDir: config.dataDir,
    maxConnections: 4,
  });
  return { connection: { mode: 'embedded', url: embedded.url, poolSize, limits: config.database.limits }, embedded };
}
