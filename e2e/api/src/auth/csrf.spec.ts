import { seedTenants, SeededTenants, Session, signIn, TEST_HOST } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('CSRF protection', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp({ ALLOWED_ORIGINS: 'https://tools.example.gouv.fr' });
    tenants = await seedTenants(t);
    admin = await signIn(t, tenants.users.admin.email);
  });

  afterAll(async () => {
    await t.close();
  });

  const regionNames = async () =>
    (await t.dataSource.query(`SELECT name FROM region ORDER BY name`)).map((r: { name: string }) => r.name);
  const auditCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'region'`))[0].n;

  // A write as the browser would send it, with the session cookie; headers vary per case.
  const write = (headers: Record<string, string>, name = 'Bretagne') => {
    let req = t.http().post('/api/v1/regions').set('Host', TEST_HOST).set('Cookie', admin.cookie);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return req.send({ name });
  };

  it.each([
    ['no X-XSRF-TOKEN header', { Origin: `http://${TEST_HOST}` }],
    ['a wrong token', { Origin: `http://${TEST_HOST}`, 'X-XSRF-TOKEN': 'not-the-token' }],
    ['a foreign Origin', { Origin: 'https://evil.example.com', 'X-XSRF-TOKEN': 'ignored' }],
    ['a foreign Origin, even with the right token', { Origin: 'https://evil.example.com', 'X-XSRF-TOKEN': '' }],
  ])('refuses a write with %s (403, nothing written)', async (_case, headers) => {
    const before = await regionNames();
    const audits = await auditCount();
    const withToken = { ...headers, ...('X-XSRF-TOKEN' in headers && headers['X-XSRF-TOKEN'] === '' ? { 'X-XSRF-TOKEN': admin.xsrfToken } : {}) };
    const res = await write(withToken).expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(403);
    expect(await regionNames()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses a token that matches the cookie but belongs to another session', async () => {
    const other = await signIn(t, tenants.users.admin.email);
    const res = await t
      .http()
      .post('/api/v1/regions')
      .set('Host', TEST_HOST)
      .set('Cookie', `sillon_session=${admin.sessionToken}; XSRF-TOKEN=${other.xsrfToken}`)
      .set('X-XSRF-TOKEN', other.xsrfToken)
      .send({ name: 'Bretagne' })
      .expect(403);
    expect(res.body.status).toBe(403);
    expect(await regionNames()).not.toContain('Bretagne');
  });

  it('refuses a sign-in from a foreign Origin', async () => {
    const user = tenants.users.leadLille;
    const res = await t.http().post('/api/v1/auth/login').set('Host', TEST_HOST).set('Origin', 'https://evil.example.com').send({ email: user.email, password: user.password }).expect(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses logout without the token: the session stays', async () => {
    await t.http().post('/api/v1/auth/logout').set('Host', TEST_HOST).set('Cookie', admin.cookie).expect(403);
    await admin.get('/api/v1/auth/me').expect(200);
  });

  it('accepts the write with the matching token from the own or an allowed origin, or with no Origin', async () => {
    await admin.post('/api/v1/regions').send({ name: 'Bretagne' }).expect(201);
    await write({ Origin: 'https://tools.example.gouv.fr', 'X-XSRF-TOKEN': admin.xsrfToken }, 'Normandie').expect(201);
    await t.http().post('/api/v1/regions').set('Host', TEST_HOST).set('Cookie', admin.cookie).set('X-XSRF-TOKEN', admin.xsrfToken).send({ name: 'Occitanie' }).expect(201);
    expect(await regionNames()).toEqual(expect.arrayContaining(['Bretagne', 'Normandie', 'Occitanie']));
  });

  it('changes nothing on GET', async () => {
    const before = await regionNames();
    await admin.get('/api/v1/regions').expect(200);
    await admin.get('/api/v1/labs').expect(200);
    await admin.get('/api/v1/users').expect(200);
    expect(await regionNames()).toEqual(before);
  });
});
