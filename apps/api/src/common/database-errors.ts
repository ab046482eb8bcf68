import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';

// What a failed database call means for the client:
// - unavailable: the database is gone, refuses connections, or gave up on the statement (a session
//   limit, a shutdown): the request may succeed later (503);
// - retryable: PostgreSQL rolled the transaction back to break a serialization failure or a deadlock:
//   running it again may succeed (once, see retry-transaction.ts; then 503).
export type DatabaseFailure = 'unavailable' | 'retryable';

// What a 5xx log line may say of a database error: its SQLSTATE (or the driver's own code) and
// where it happened. Never the statement's text, its parameters, PostgreSQL's `detail`, `hint` or
// `where` (they quote the values: a key, an e-mail, a token's hash), nor the message, which may too
// (`invalid input syntax for type uuid: "…"`).
export interface DatabaseErrorSummary {
  code: string;
  failure?: DatabaseFailure;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  dataType?: string;
  // The name of the prepared statement that failed (PreparedStatements), when there is one.
  statement?: string;
}

const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (also pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '57P05', // idle_session_timeout
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
]);

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

// Node's socket errors on the way to the server.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// pg's and pg-pool's own errors carry no code: they are known by their message, which holds no value.
const DRIVER_MESSAGES: readonly (readonly [RegExp, string])[] = [
  [/^timeout exceeded when trying to connect/, 'connect_timeout'],
  [/^Connection terminated due to connection timeout/, 'connect_timeout'],
  [/^Connection terminated/, 'connection_terminated'],
  [/^Query read timeout/, 'query_timeout'],
  [/is not queryable/, 'connection_terminated'],
];

interface PgFields {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  schema?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  dataType?: unknown;
}

const STATEMENT_NAME = Symbol('sillon.statementName');

// The error of a failed prepared statement, as TypeORM reports a failed query (so that it gets the
// same answer), naming the statement for the log.
export function preparedStatementError(name: string, sql: string, params: unknown[], error: Error): QueryFailedError {
  return Object.assign(new QueryFailedError(sql, params, error), { [STATEMENT_NAME]: name });
}

// The code of a database error: PostgreSQL's SQLSTATE, a socket error's code, or a name for one of
// the driver's own errors; undefined when the error does not come from the database or its driver.
function databaseCode(error: unknown): { code: string; fields: PgFields } | undefined {
  // TypeORM lets go of a transaction's connection when the server ends it between two statements
  // (a restart, idle_in_transaction_session_timeout): the next statement finds it released.
  if (error instanceof QueryRunnerAlreadyReleasedError) return { code: 'connection_lost', fields: {} };
  const source = error instanceof QueryFailedError ? (error.driverError as PgFields | undefined) : error;
  if (!source || typeof source !== 'object') return undefined;
  const fields = source as PgFields;
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  // A server error (pg's DatabaseError) carries a SQLSTATE and a severity.
  if (code && /^[0-9A-Z]{5}$/.test(code) && (typeof fields.severity === 'string' || error instanceof QueryFailedError)) return { code, fields };
  if (code && SOCKET_CODES.has(code)) return { code, fields };
  const message = typeof fields.message === 'string' ? fields.message : '';
  const known = DRIVER_MESSAGES.find(([pattern]) => pattern.test(message));
  if (known) return { code: known[1], fields };
  // Any other failed query (TypeORM's own checks, an unforeseen driver error): still a database error.
  if (error instanceof QueryFailedError) return { code: 'unknown', fields: {} };
  return undefined;
}

export function databaseFailure(error: unknown): DatabaseFailure | undefined {
  const found = databaseCode(error);
  if (!found) return undefined;
  const { code } = found;
  if (RETRYABLE_SQLSTATES.has(code)) return 'retryable';
  // Class 08: connection exception.
  if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) return 'unavailable';
  if (code === 'connection_lost' || DRIVER_MESSAGES.some(([, name]) => name === code)) return 'unavailable';
  return undefined;
}

export function isRetryableDatabaseError(error: unknown): boolean {
  return databaseFailure(error) === 'retryable';
}

// What the log may say of a database error; undefined for any other error.
export function databaseErrorSummary(error: unknown): DatabaseErrorSummary | undefined {
  const found = databaseCode(error);
  if (!found) return undefined;
  const { code, fields } = found;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const failure = databaseFailure(error);
  const statement = (error as { [STATEMENT_NAME]?: string })[STATEMENT_NAME];
  const summary: DatabaseErrorSummary = {
    code,
    failure,
    schema: text(fields.schema),
    table: text(fields.table),
    column: text(fields.column),
    constraint: text(fields.constraint),
    dataType: text(fields.dataType),
    statement,
  };
  return Object.fromEntries(Object.entries(summary).filter(([, value]) => value !== undefined)) as DatabaseErrorSummary;
}

// What a log line may carry of an error: a database error as its summary, any other as itself
// (pino prints its message, stack and properties).
export function loggableError(error: unknown): { database: DatabaseErrorSummary } | { err: unknown } {
  const database = databaseErrorSummary(error);
  return database ? { database } : { err: error };
}
