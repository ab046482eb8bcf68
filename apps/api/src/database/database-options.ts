import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@sillon/migrations';

export interface DatabaseConnection {
  mode: 'embedded' | 'postgres';
  url: string;
  poolSize: number;
  // Tests isolate each file in its own schema on the shared embedded server.
  schema?: string;
  // DEFAULT_SESSION_LIMITS unless given (DATABASE_*_TIMEOUT_MS).
  limits?: SessionLimits;
}

// How long a session of the API may run one statement, wait for a lock, and sit idle inside a
// transaction, in milliseconds: past them PostgreSQL gives up on the statement (or ends the
// session), and the request answers 503 instead of hanging.
export interface SessionLimits {
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { statementTimeoutMs: 30_000, lockTimeoutMs: 5_000, idleInTransactionTimeoutMs: 60_000 };

// The driver stops waiting for an answer this long after the server's own statement timeout: a
// server that no longer answers at all (a network cut without a reset) must not hang a request.
export const QUERY_TIMEOUT_MARGIN_MS = 5_000;

// A database that stops answering must not hang requests waiting for a connection either.
export const CONNECT_TIMEOUT_MS = 5_000;

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
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...sessionLimitSettings(connection),
    ...(options ? { options } : {}),
  };
}

// pg's settings for the session limits: on a real server, PostgreSQL settings of each session (sent
// when it starts, so that migrations and every later statement run under them) and the driver's
// own wait, a little longer. The embedded server (PGlite, in WebAssembly) has no timer to enforce
// statement_timeout or lock_timeout (it accepts them and never fires), and with
// idle_in_transaction_session_timeout set it hangs at the first transaction: there the driver's
// wait stands in for the statement timeout, and nothing is sent to the server.
function sessionLimitSettings(connection: DatabaseConnection): Record<string, number> {
  const limits = connection.limits ?? DEFAULT_SESSION_LIMITS;
  if (connection.mode === 'embedded') return { query_timeout: limits.statementTimeoutMs };
  return {
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    query_timeout: limits.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
  };
}
