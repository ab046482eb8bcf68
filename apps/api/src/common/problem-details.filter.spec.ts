import { ArgumentsHost, ForbiddenException, Logger, LoggerService, NotFoundException } from '@nestjs/common';
import { DatabaseError } from 'pg';
import pino from 'pino';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { preparedStatementError } from './database-errors';
import { ProblemDetailsFilter, ProblemException } from './problem-details.filter';

// What the filter logs, as pino writes it (the API's logger passes the same object to pino).
const logged: string[] = [];
const pinoLogger = pino({ level: 'trace' }, { write: (line: string) => void logged.push(line) });
const forward = (level: 'error' | 'warn' | 'info') => (message: unknown, ...params: unknown[]) =>
  typeof message === 'object' ? pinoLogger[level](message as object, ...(params.slice(0, -1) as [string])) : pinoLogger[level](String(message));
const capture: LoggerService = { error: forward('error'), warn: forward('warn'), log: forward('info') };

beforeAll(() => Logger.overrideLogger(capture));
afterAll(() => Logger.overrideLogger(false));
beforeEach(() => {
  logged.length = 0;
});

// A server error as pg reports it: a SQLSTATE and PostgreSQL's fields, some of which quote values.
function pgError(code: string, message: string, fields: Partial<DatabaseError> = {}): DatabaseError {
  return Object.assign(new DatabaseError(message, 100, 'error'), { severity: 'ERROR', code, ...fields });
}

// A statement whose parameters are personal data and a token's hash, as TypeORM reports it failed.
const SQL = 'SELECT * FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = $1 OR u.email = $2';
const PARAMS = ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'camille.martin@example.org'];
const failed = (driverError: Error) => new QueryFailedError(SQL, PARAMS, driverError);

function run(exception: unknown) {
  const sent: { status?: number; type?: string; body?: string; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    send(body: string) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/api/v1/projects/42?x=1', url: '/api/v1/projects/42' }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return { ...sent, problem: JSON.parse(sent.body ?? '{}') };
}

describe('ProblemDetailsFilter', () => {
  it('keeps the French message a service gave to a Nest exception', () => {
    const { status, type, problem } = run(new ForbiddenException('Seul·e la ou le responsable du lab peut archiver un projet.'));
    expect(status).toBe(403);
    expect(type).toBe('application/problem+json');
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Action non autorisée',
      status: 403,
      instance: '/api/v1/projects/42',
      detail: 'Seul·e la ou le responsable du lab peut archiver un projet.',
    });
  });

  it("replaces Nest's English defaults with French", () => {
    expect(run(new NotFoundException('Cannot GET /api/v1/nothing')).problem.detail).toBe("Cette ressource n'existe pas ou n'est pas accessible.");
    expect(run(new NotFoundException()).problem.detail).toBe("Cette ressource n'existe pas ou n'est pas accessible.");
  });

  it('carries the current record of a stale edit', () => {
    const { status, problem } = run(new ProblemException(409, 'Modifié entre-temps.', { current: { version: 3 }, code: 'stale_version' }));
    expect(status).toBe(409);
    expect(problem).toMatchObject({ type: 'urn:sillon:problem:stale_version', detail: 'Modifié entre-temps.', current: { version: 3 } });
  });

  it('never lets an unexpected error through', () => {
    const { status, problem } = run(new Error('relation "secret_table" does not exist'));
    expect(status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret_table');
    expect(problem.detail).toBe('Une erreur inattendue est survenue. Elle a été enregistrée.');
  });
});

describe('ProblemDetailsFilter and the database', () => {
  const UNAVAILABLE = {
    type: 'urn:sillon:problem:database-unavailable',
    title: 'Service indisponible',
    status: 503,
    instance: '/api/v1/projects/42',
    detail: 'La base de données ne répond pas pour le moment. Réessayez dans quelques secondes.',
  };

  it.each([
    ['a statement past statement_timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['a lock wait past lock_timeout', pgError('55P03', 'canceling statement due to lock timeout')],
    ['a session ended by the server', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', pgError('57P03', 'the database system is starting up')],
    ['a session idle in its transaction too long', pgError('25P03', 'terminating connection due to idle-in-transaction timeout')],
    ['a server out of connections', pgError('53300', 'sorry, too many clients already')],
    ['a connection failure', pgError('08006', 'connection failure')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection cut', new Error('Connection terminated unexpectedly')],
    ['no connection within the pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a server that stopped answering', new Error('Query read timeout')],
  ])('answers %s with 503 problem+json and Retry-After', (_, driverError) => {
    for (const exception of [failed(driverError), driverError]) {
      const { status, type, headers, problem } = run(exception);
      expect(status).toBe(503);
      expect(type).toBe('application/problem+json');
      expect(headers['retry-after']).toBe('5');
      expect(problem).toEqual(UNAVAILABLE);
    }
  });

  it('answers a statement of a transaction whose connection the server ended (TypeORM released it) with 503', () => {
    const { status, headers, problem } = run(new QueryRunnerAlreadyReleasedError());
    expect(status).toBe(503);
    expect(headers['retry-after']).toBe('5');
    expect(problem).toEqual(UNAVAILABLE);
  });

  it('answers a serialization failure or a deadlock that survived its retry with 503, saying nothing was saved', () => {
    for (const code of ['40001', '40P01']) {
      const { status, headers, problem } = run(failed(pgError(code, 'could not serialize access due to concurrent update')));
      expect(status).toBe(503);
      expect(headers['retry-after']).toBe('5');
      expect(problem).toMatchObject({ type: 'urn:sillon:problem:concurrent-writes', title: 'Service indisponible', status: 503 });
      expect(problem.detail).toContain("rien n'a été enregistré");
    }
  });

  it('keeps any other database error a 500, without Retry-After', () => {
    const { status, headers, problem } = run(failed(pgError('42P01', 'relation "secret_table" does not exist')));
    expect(status).toBe(500);
    expect(headers['retry-after']).toBeUndefined();
    expect(JSON.stringify(problem)).not.toContain('secret_table');
  });

  it('logs a database error as its code and place: never the statement, its parameters, the detail or the message', () => {
    const driverError = pgError('23514', `new row for relation "app_user" violates check constraint "app_user_email_check"`, {
      detail: `Failing row contains (42, camille.martin@example.org, Camille Martin).`,
      hint: `Check camille.martin@example.org`,
      where: `SQL statement "UPDATE app_user SET email = 'camille.martin@example.org'"`,
      schema: 'public',
      table: 'app_user',
      constraint: 'app_user_email_check',
    });
    expect(run(failed(driverError)).status).toBe(500);
    expect(logged).toHaveLength(1);
    const line = JSON.parse(logged[0]);
    expect(line).toMatchObject({
      level: 50,
      msg: 'database error',
      status: 500,
      database: { code: '23514', schema: 'public', table: 'app_user', constraint: 'app_user_email_check' },
    });
    for (const secret of [...PARAMS, 'Camille Martin', 'token_hash', 'SELECT', 'Failing row']) expect(logged[0]).not.toContain(secret);
  });

  it('names the prepared statement that failed, and logs a value-quoting message of none', () => {
    const driverError = pgError('22P02', `invalid input syntax for type uuid: "camille.martin@example.org"`);
    const { status } = run(preparedStatementError('sillon_0123456789abcdef01234567', SQL, PARAMS, driverError));
    expect(status).toBe(400);
    expect(logged).toEqual([]);
    run(preparedStatementError('sillon_0123456789abcdef01234567', SQL, PARAMS, pgError('57014', 'canceling statement due to statement timeout')));
    const line = JSON.parse(logged[0]);
    expect(line).toMatchObject({ msg: 'database unavailable', status: 503, database: { code: '57014', failure: 'unavailable', statement: 'sillon_0123456789abcdef01234567' } });
    for (const secret of [...PARAMS, 'token_hash']) expect(logged[0]).not.toContain(secret);
  });

  it("names the driver's own failures, without their message", () => {
    run(failed(Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' })));
    run(new Error('timeout exceeded when trying to connect'));
    expect(logged.map((l) => JSON.parse(l).database)).toEqual([
      { code: 'ECONNREFUSED', failure: 'unavailable' },
      { code: 'connect_timeout', failure: 'unavailable' },
    ]);
    expect(logged.join('')).not.toContain(PARAMS[1]);
  });

  it('still logs an error that is not a database one whole, stack included', () => {
    run(new TypeError("Cannot read properties of undefined (reading 'labId')"));
    const line = JSON.parse(logged[0]);
    expect(line.msg).toBe('unexpected error');
    expect(line.err).toMatchObject({ type: 'TypeError', message: "Cannot read properties of undefined (reading 'labId')" });
    expect(line.err.stack).toContain('problem-details.filter.spec.ts');
  });
});
