import request from 'supertest';
import { SeededUser, seedTenants, Session, signIn, TEST_HOST, TEST_ORIGIN, UserKey } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { MATRIX_ROLES, MATRIX_ROWS, MatrixRole, MatrixRow } from './authorization-matrix';
import { MatrixContext, RECORD_FACTORIES } from './record-factories';

// The account each role acts as: all of them in Lille / Hauts-de-France, so that "other lab" is
// Amiens (same region) and "other region" is Nancy.
const ACTORS: Record<Exclude<MatrixRole, 'anonymous'>, UserKey> = {
  project_lead: 'leadLille',
  lab_manager: 'managerLille',
  regional_director: 'directorHdf',
  admin: 'admin',
};

const isSuccess = (status: number) => status >= 200 && status < 300;

const cases = MATRIX_ROWS.flatMap((row) => MATRIX_ROLES.map((role) => ({ row, role, name: `${row.endpoint} [${row.entity}:${row.record}] ${row.action} as ${role} → ${row.expected[role]}` })));

describe('authorisation matrix', () => {
  let t: TestApp;
  let ctx: MatrixContext;
  const sessions = new Map<MatrixRole, Session>();
  const unexpectedSuccesses: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
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

  it.each(cases)('$name', async ({ row, role }) => {
    const factory = RECORD_FACTORIES[row.entity];
    const record = await factory(ctx, row.record, actor(role));
    const path = row.endpoint.split(' ')[1].replace(/:(\w+)/g, (_m, name: string) => {
      const value = record.params[name];
      if (!value) throw new Error(`no value for :${name} in ${row.endpoint}`);
      return value;
    });
    const before = await record.snapshot();
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
});
