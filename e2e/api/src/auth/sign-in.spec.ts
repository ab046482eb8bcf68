import { cookieValue, seedTenants, SeededTenants, signIn, TEST_HOST, TEST_ORIGIN } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('sign-in', () => {
  let t: TestApp;
  let tenants: SeededTenants;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).send({ email, password });

  it('signs in with the right password and answers Me with session and XSRF cookies', async () => {
    const user = tenants.users.managerLille;
    const res = await login(user.email.toUpperCase(), user.password).expect(200);
    expect(res.body).toEqual({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: 'lab_manager',
      labId: tenants.labs.lille.id,
      labName: tenants.labs.lille.name,
      regionId: tenants.regions.hdf.id,
      regionName: 'Hauts-de-France',
    });
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const session = cookies.find((c) => c.startsWith('sillon_session='))!;
    expect(session).toMatch(/; Path=\//);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).not.toMatch(/; Secure/);
    expect(cookieValue(cookies, 'sillon_session')!.length).toBeGreaterThanOrEqual(43);
    const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))!;
    expect(xsrf).not.toMatch(/HttpOnly/);
    expect(xsrf).toMatch(/; SameSite=Lax/);
    expect(xsrf).toMatch(/; Path=\//);
  });

  it('answers /auth/me for a session and 401 without one', async () => {
    const session = await signIn(t, tenants.users.directorGe.email);
    const me = await session.get('/api/v1/auth/me').expect(200);
    expect(me.body).toMatchObject({ id: tenants.users.directorGe.id, role: 'regional_director', labId: null, regionId: tenants.regions.ge.id, regionName: 'Grand Est' });
    const anonymous = await t.http().get('/api/v1/auth/me').expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.body).toMatchObject({ status: 401, title: 'Authentification requise' });
  });
});
