import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@sillon/migrations';

export interface DatabaseConnection {
  mode: 'embedded' | 'postgres';
  url: string;
  poolSize: number;
  // Tests isolate each file in its own schema on the shared embedded server.
  schema?: string;
}

// How the API's connections name themselves to the server (pg_stat_activity), in both pools.
export const APPLICATION_NAME = 'sillon';

export function dataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  return {
    type: 'postgres',
    url: connection.url,
    synchronize: false,
    // TypeORM reads its own tables (migrations) in this schema; raw SQL follows the search_path.
    ...(connection.schema ? { schema: connection.schema } : {}),
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // Extensions are created by the first migration, so that nothing is installed behind its back.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    applicationName: APPLICATION_NAME,
    extra: poolSettings(connection),
  };
}

// pg's Pool settings of a connection, for TypeORM's pool (extra) and PreparedStatements' own:
// `parameters` are PostgreSQL settings of each of the pool's sessions.
export function connectionSettings(connection: DatabaseConnection, parameters: Record<string, string> = {}): Record<string, unknown> {
  return { connectionString: connection.url, application_name: APPLICATION_NAME, ...poolSettings(connection, parameters) };
}

function poolSettings(connection: DatabaseConnection, parameters: Record<string, string> = {}): Record<string, unknown> {
  const settings = { ...(connection.schema ? { search_path: `${connection.schema},public` } : {}), ...parameters };
  const options = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`).join(' ');
  return {
    max: connection.poolSize,
    // A database that stops answering must not hang requests forever.
    connectionTimeoutMillis: 5_000,
    ...(options ? { options } : {}),
  };
}
