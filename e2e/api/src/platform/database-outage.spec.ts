import { createHash } from 'node:crypto';
import { databaseFailure } from '../../../../apps/api/src/common/database-errors';
import { DatabaseLink } from '../support/database-link';
import { seedTenants, SeededTenants, Session, signIn, TEST_HOST, TEST_ORIGIN, TEST_PASSWORD } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { testServer } from '../support/test-database';

const UNAVAILABLE = {
  type: 'urn:sillon:problem:database-unavailable',
  title: 'Service indisponible',
  status: 503,
  detail: 'La base de données ne répond pas pour le moment. Réessayez dans quelques secondes.',
};

// Short limits, so that each case takes a second rather than the default 30 s and 5 s.
const LIMITS = { DATABASE_STATEMENT_TIMEOUT_MS: '500', DATABASE_LOCK_TIMEOUT_MS: '300' };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const elapsedSince = (started: number) => Date.now() - started;

// The database failing under a running API: whatever the way, a request gets a 503 problem+json
// within seconds (never a hang nor a 500), the log says what failed and nothing of the request's
// data, and the API serves again by itself once the database is back.
describe('A database that fails', () => {
  const realServer = testServer().mode === 'postgres';
  // Creates the schema under the default limits, and keeps a direct owner's connection for fixtures.
  let base: TestApp;
  // The API under test: its database through a link the tests break, the short limits, its logs.
  let t: TestApp;
  let link: DatabaseLink;
  let tenants: SeededTenants;
  let manager: Session;
  const logs: string[] = [];
  const loggedFailures = () =>
    logs
      .map((line) => JSON.parse(line))
      .filter((line) => line.msg === 'database unavailable')
      .map((line) => line.database);

  beforeAll(async () => {
    base = await createTestApp();
    tenants = await seedTenants(base);
    link = await DatabaseLink.open(base.connection.url);
    t = await createTestApp({ ...LIMITS, LOG_LEVEL: 'info' }, { ...base.connection, url: link.url }, { logDestination: { write: (line: string) => void logs.push(line) } });
    manager = await signIn(t, tenants.managerLille.email);
  });

  beforeEach(() => {
    logs.length = 0;
  });

  afterEach(() => link.restore());

  afterAll(async () => {
    await link.close();
    await t.close();
    await base.close();
  });

  async function createProject(name: string): Promise<{ id: string; version: number }> {
    const res = await manager.post('/api/v1/projects').send({ name }).expect(201);
    return res.body;
  }

  it('answers 503 problem+json with Retry-After at once when the connection is reset, and logs no value of the request', async () => {
    link.reset();
    const started = Date.now();
    const res = await manager.get('/api/v1/projects');
    expect(elapsedSince(started)).toBeLessThan(3_000);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toEqual({ ...UNAVAILABLE, instance: '/api/v1/projects' });

    // A sign-in looks up the throttle counters and the account by e-mail.
    const login = await t.http().post('/api/v1/auth/login').set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).send({
      email: tenants.leadLille.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(503);
    expect(login.body).toEqual({ ...UNAVAILABLE, instance: '/api/v1/auth/login' });

    const failures = loggedFailures();
    expect(failures.length).toBe(2);
    for (const failure of failures) {
      expect(failure.failure).toBe('unavailable');
      expect(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'connection_terminated']).toContain(failure.code);
    }
    // The session lookup's parameter (the token's hash), the e-mail and the SQL stay out of every line,
    // pino-http's own line of the failed request included.
    const text = logs.join('');
    expect(text).toContain('"statusCode":503');
    for (const secret of [sha256(manager.sessionToken), manager.sessionToken, tenants.leadLille.email, TEST_PASSWORD, 'token_hash', 'SELECT', 'throttle_counter']) {
      expect(text).not.toContain(secret);
    }

    link.restore();
    await manager.get('/api/v1/projects').expect(200);
  });

  it('answers 503 within seconds, not a hang, when the network goes silent, and writes nothing', async () => {
    const before = await base.dataSource.query(`SELECT count(*)::int AS n FROM project`);
    link.silence();
    // A pooled connection waits for its statement (the driver's query timeout), a new one for the
    // server's greeting (the connection timeout, 5 s): either way a few seconds.
    for (const request of [() => manager.get('/api/v1/projects'), () => manager.post('/api/v1/projects').send({ name: 'Projet pendant la coupure' })]) {
      const started = Date.now();
      const res = await request();
      expect(elapsedSince(started)).toBeLessThan(8_000);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject(UNAVAILABLE);
    }
    for (const failure of loggedFailures()) expect(['query_timeout', 'connect_timeout']).toContain(failure.code);

    link.restore();
    await manager.get('/api/v1/projects').expect(200);
    expect(await base.dataSource.query(`SELECT count(*)::int AS n FROM project`)).toEqual(before);
  });

  it('answers 503 when a statement runs past the statement timeout, and writes nothing', async () => {
    const project = await createProject('Atelier au long cours');
    const { schema } = base.connection;
    // A write that takes 2 s in the database (a trigger of the test's schema, only for this summary).
    await base.dataSource.query(`CREATE FUNCTION "${schema}".slow_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$`);
    await base.dataSource.query(
      `CREATE TRIGGER slow_write BEFORE UPDATE ON "${schema}".project FOR EACH ROW WHEN (NEW.summary = 'lent') EXECUTE FUNCTION "${schema}".slow_write()`,
    );
    let answered = 0;
    try {
      const started = Date.now();
      const res = await manager.patch(`/api/v1/projects/${project.id}`).send({ version: project.version, summary: 'lent' });
      answered = Date.now();
      expect(elapsedSince(started)).toBeLessThan(2_000);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ ...UNAVAILABLE, instance: `/api/v1/projects/${project.id}` });
      // PostgreSQL cancels the statement (57014); the embedded server cannot, so the driver stops waiting.
      expect(loggedFailures()).toEqual([{ code: realServer ? '57014' : 'query_timeout', failure: 'unavailable' }]);
    } finally {
      await base.dataSource.query(`DROP TRIGGER slow_write ON "${schema}".project`);
    }
    // The connection that gave up on its statement left the pool, its transaction rolled back: the
    // owner's statements and the next request do not wait behind it (on the embedded server, which
    // runs one transaction at a time, they wait for the 2 s of the trigger at most).
    const after = await manager.get(`/api/v1/projects/${project.id}`).expect(200);
    expect(elapsedSince(answered)).toBeLessThan(3_000);
    expect(after.body).toMatchObject({ version: project.version, summary: '' });
    const audits = await base.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'update'`, [project.id]);
    expect(audits).toEqual([{ n: 0 }]);
  });

  it('answers 503 when a lock is held past the lock timeout, and writes nothing', async () => {
    const project = await createProject('Ressourcerie verrouillée');
    const holder = base.dataSource.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT 1 FROM project WHERE id = $1 FOR UPDATE`, [project.id]);
      const started = Date.now();
      const res = await manager.patch(`/api/v1/projects/${project.id}`).send({ version: project.version, summary: 'Modifié' });
      expect(elapsedSince(started)).toBeLessThan(2_000);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ ...UNAVAILABLE, instance: `/api/v1/projects/${project.id}` });
      // PostgreSQL gives up the wait (55P03); the embedded server runs one transaction at a time, so
      // the API's statements wait behind the holder's until the driver stops waiting.
      expect(loggedFailures()).toEqual([{ code: realServer ? '55P03' : 'query_timeout', failure: 'unavailable' }]);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    const after = await manager.get(`/api/v1/projects/${project.id}`).expect(200);
    expect(after.body).toMatchObject({ version: project.version, summary: '' });
  });

  it('ends a session left idle in a transaction past the limit (a real server; the embedded one cannot)', async () => {
    const idle = await createTestApp({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1000' }, base.connection);
    const runner = idle.apiDataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      const [settings] = await runner.query(
        `SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
                current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const next = await runner.query('SELECT 1 AS one').catch((error: unknown) => error);
      if (realServer) {
        // Every session of the API starts with the limits, migrations included.
        expect(settings).toEqual({ statement: '30s', lock: '5s', idle: '1s' });
        expect(databaseFailure(next)).toBe('unavailable');
      } else {
        // PGlite never fires these timers, and hangs at the first transaction with
        // idle_in_transaction_session_timeout set: the API sends none of them (database-options.ts).
        expect(settings).toEqual({ statement: '0', lock: '0', idle: '0' });
        expect(next).toEqual([{ one: 1 }]);
        await runner.rollbackTransaction();
      }
    } finally {
      if (!runner.isReleased) await runner.release();
      await idle.close();
    }
  });
});
