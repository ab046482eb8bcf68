import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { Clock } from '../../../../apps/api/src/modules/auth/clock';
import { USER_RATE_LIMIT, USER_RATE_LIMITS, UserRateLimitName } from '../../../../apps/api/src/modules/auth/user-rate-limits';
import { SeededUser, seedTenants, Session, signIn, TEST_HOST, TEST_ORIGIN, UserKey } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { MATRIX_ROLES, MATRIX_ROWS, MatrixRole, MatrixRow } from './authorization-matrix';
import { MatrixContext, MatrixRecord, RECORD_FACTORIES } from './record-factories';

// The account each role acts as: all of them in Lille / Hauts-de-France, so that "other lab" is
// Amiens (same region) and "other region" is Nancy. The national account has no lab: its records are
// placed as an admin's (Lille, Amiens, Nancy).
const ACTORS: Record<Exclude<MatrixRole, 'anonymous'>, UserKey> = {
  project_lead: 'leadLille',
  lab_manager: 'managerLille',
  regional_director: 'directorHdf',
  admin: 'admin',
  national: 'national',
};

const isSuccess = (status: number) => status >= 200 && status < 300;

const cases = MATRIX_ROWS.flatMap((row) => MATRIX_ROLES.map((role) => ({ row, role, name: `${row.endpoint} [${row.entity}:${row.record}] ${row.action} as ${role} → ${row.expected[role]}` })));

describe('authorisation matrix', () => {
  let t: TestApp;
  let ctx: MatrixContext;
  const sessions = new Map<MatrixRole, Session>();
  const unexpectedSuccesses: string[] = [];

  beforeAll(async () => {
    // One proxy trusted: the sign-in cases speak from addresses of their own (X-Forwarded-For).
    t = await createTestApp({ TRUST_PROXY: '1' });
    const tenants = await seedTenants(t);
    ctx = { t, tenants };
    for (const [role, key] of Object.entries(ACTORS)) sessions.set(role as MatrixRole, await signIn(t, tenants.users[key].email));
  });

  afterAll(async () => {
    await t.close();
  });

  const actor = (role: MatrixRole): SeededUser | null => (role === 'anonymous' ? null : ctx.tenants.users[ACTORS[role]]);

  const send = async (row: MatrixRow, role: MatrixRole, path: string, body: object | undefined): Promise<request.Response> => {
    const [method] = row.endpoint.split(' ');
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let session = role === 'anonymous' ? undefined : sessions.get(role);
    if (session && row.freshSession) session = await signIn(t, ctx.tenants.users[ACTORS[role as Exclude<MatrixRole, 'anonymous'>]].email);
    // Anonymous callers send what a browser would, minus the cookies they do not have.
    let req = session ? session[verb](path) : t.http()[verb](path).set('Host', TEST_HOST).set('Origin', TEST_ORIGIN);
    if (row.query) req = req.query(row.query);
    return body ? req.send(body) : req;
  };

  it('lists a row for every placement the table names, with a factory for each entity', () => {
    for (const row of MATRIX_ROWS) expect(RECORD_FACTORIES[row.entity]).toBeDefined();
    expect(cases.length).toBeGreaterThan(0);
  });

  const pathOf = (row: MatrixRow, record: MatrixRecord) =>
    row.endpoint.split(' ')[1].replace(/:(\w+)/g, (_m, name: string) => {
      const value = record.params[name];
      if (!value) throw new Error(`no value for :${name} in ${row.endpoint}`);
      return value;
    });

  it.each(cases)('$name', async ({ row, role }) => {
    const factory = RECORD_FACTORIES[row.entity];
    const record = await factory(ctx, row.record, actor(role));
    const path = pathOf(row, record);
    const before = await record.snapshot();
    // The table decides access row by row; the per-user limits are counted in "limits over time"
    // below. Without this, a role's 21st export of the table would be refused for its rate.
    if (row.rateLimit) await t.dataSource.query(`DELETE FROM throttle_counter`);
    const res = await send(row, role, path, row.body?.(record, ctx));
    const expected = row.expected[role];
    if (isSuccess(res.status) && !isSuccess(expected)) unexpectedSuccesses.push(`${row.endpoint} ${row.record} as ${role}: ${res.status}`);
    expect({ status: res.status, body: isSuccess(res.status) ? undefined : res.body }).toMatchObject({ status: expected });
    if (!isSuccess(res.status)) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      if (row.action !== 'read' && row.action !== 'export') expect(await record.snapshot()).toEqual(before);
    }
  });

  it('saw no unexpected 2xx', () => {
    expect(unexpectedSuccesses).toEqual([]);
  });

  // Limits count over time, per user or per account, not per role and record: these cases come after
  // the table, on the same app, accounts and sessions, each in a minute of its own (the API's clock).
  describe('limits over time', () => {
    afterEach(() => jest.restoreAllMocks());

    const freeze = (time: number) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(time));

    it('marks as rate-limited exactly the routes that carry @UserRateLimit, with the same limit', () => {
      const decorated = rateLimitedRoutes(t);
      expect(decorated.size).toBeGreaterThan(0);
      const route = (row: MatrixRow) => row.endpoint.split('?')[0];
      expect(MATRIX_ROWS.filter((row) => (decorated.get(route(row)) ?? null) !== (row.rateLimit ?? null)).map((row) => row.endpoint)).toEqual([]);
      expect([...decorated.keys()].filter((key) => !MATRIX_ROWS.some((row) => route(row) === key))).toEqual([]);
    });

    it.each(Object.keys(USER_RATE_LIMITS) as UserRateLimitName[])(
      'answers 429 past the %s limit to that user only; every other role still gets its row’s status',
      async (name) => {
        const { limit } = USER_RATE_LIMITS[name];
        const row = MATRIX_ROWS.find((r) => r.rateLimit === name && isSuccess(r.expected.lab_manager));
        if (!row) throw new Error(`no row of ${name} that a lab manager may call`);
        const record = await RECORD_FACTORIES[row.entity](ctx, row.record, actor('lab_manager'));
        const path = pathOf(row, record);
        // A minute no row above has counted in.
        freeze(Date.now() + 2 * 60_000);
        const served: number[] = [];
        for (let i = 0; i < limit; i++) served.push((await send(row, 'lab_manager', path, undefined)).status);
        expect(served).toEqual(Array(limit).fill(row.expected.lab_manager));
        const refused = await send(row, 'lab_manager', path, undefined);
        expect({ status: refused.status, type: refused.body.type, retryAfter: Number(refused.headers['retry-after']) }).toEqual({
          status: 429,
          type: 'urn:sillon:problem:rate-limited',
          retryAfter: 60,
        });
        const others = MATRIX_ROLES.filter((role) => role !== 'lab_manager');
        const statuses = await Promise.all(others.map(async (role) => [role, (await send(row, role, path, undefined)).status]));
        expect(Object.fromEntries(statuses)).toEqual(Object.fromEntries(others.map((role) => [role, row.expected[role]])));
      },
    );

    // Every role's account alike, the administrator's included: blocked after 5 failures, even
    // with the right password, and open to its owner from a new address once the block is 45 s old.
    // Anonymous: an unknown e-mail, which answers exactly as an account would.
    it.each(MATRIX_ROLES.map((role, n) => ({ role, n })))('throttles sign-ins of the $role account (anonymous: an unknown e-mail) and lets its owner in from a new IP', async ({ role, n }) => {
      const user = actor(role);
      const email = user?.email ?? 'personne@test.sillon.fr';
      const password = user?.password ?? 'sans compte';
      const login = (ip: string, pass: string) =>
        t.http().post('/api/v1/auth/login').set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).set('X-Forwarded-For', ip).send({ email, password: pass });
      const [attackerIp, ownerIp] = [`203.0.113.${2 * n + 1}`, `203.0.113.${2 * n + 2}`];
      const start = Date.now();
      freeze(start);
      const steps: Record<string, number> = {};
      for (let i = 0; i < 5; i++) steps[`failure ${i + 1}`] = (await login(attackerIp, `mauvais ${i}`)).status;
      steps['right password, same IP'] = (await login(attackerIp, password)).status;
      steps['right password, new IP, at once'] = (await login(ownerIp, password)).status;
      freeze(start + 46_000);
      steps['right password, same IP, 46 s later'] = (await login(attackerIp, password)).status;
      steps['right password, new IP, 46 s later'] = (await login(ownerIp, password)).status;
      // A block ends no session.
      const session = role === 'anonymous' ? undefined : sessions.get(role);
      steps['session held'] = session ? (await session.get('/api/v1/auth/me')).status : 401;
      expect(steps).toEqual({
        'failure 1': 401,
        'failure 2': 401,
        'failure 3': 401,
        'failure 4': 401,
        'failure 5': 401,
        'right password, same IP': 429,
        'right password, new IP, at once': 429,
        'right password, same IP, 46 s later': 429,
        'right password, new IP, 46 s later': role === 'anonymous' ? 401 : 200,
        'session held': role === 'anonymous' ? 401 : 200,
      });
    });
  });
});

// "GET /api/v1/contacts/:id/export" → limit name, for every route whose handler (or controller) is
// marked @UserRateLimit, read from the running app's controllers.
function rateLimitedRoutes(t: TestApp): Map<string, UserRateLimitName> {
  const routes = new Map<string, UserRateLimitName>();
  const trim = (path: string | undefined) => (path ?? '').replace(/^\/+|\/+$/g, '');
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[key];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const name = Reflect.getMetadata(USER_RATE_LIMIT, handler) ?? Reflect.getMetadata(USER_RATE_LIMIT, controller);
        if (!name) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path = [trim(Reflect.getMetadata(PATH_METADATA, controller)), trim(Reflect.getMetadata(PATH_METADATA, handler))].filter(Boolean).join('/');
        routes.set(`${method} /api/v1/${path}`, name);
      }
    }
  }
  return routes;
}
