import { Clock } from '../../../../apps/api/src/modules/auth/clock';
import { cookieValue, seedTenants, SeededTenants, sessionFrom, signIn, TEST_HOST, TEST_ORIGIN } from '../support/fixtures';
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
    const session = cookies.find((c) => c.startsWith('sillon_session=')) ?? '';
    expect(session).toMatch(/; Path=\//);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).not.toMatch(/; Secure/);
    expect(cookieValue(cookies, 'sillon_session')?.length).toBeGreaterThanOrEqual(43);
    const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN=')) ?? '';
    expect(xsrf).not.toMatch(/HttpOnly/);
    expect(xsrf).toMatch(/; SameSite=Lax/);
    expect(xsrf).toMatch(/; Path=\//);
  });

  it('marks both cookies Secure, on sign-in and sign-out, unless COOKIE_SECURE=false', async () => {
    // The suite's own app sets COOKIE_SECURE=false (supertest speaks plain HTTP); this one keeps the default.
    const secure = await createTestApp({ COOKIE_SECURE: undefined }, t.connection);
    try {
      expect(secure.config.session.secureCookie).toBe(true);
      const user = tenants.users.leadLille;
      const res = await secure.http().post('/api/v1/auth/login').set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).send({ email: user.email, password: user.password }).expect(200);
      const cookies = res.headers['set-cookie'] as unknown as string[];
      for (const name of ['sillon_session', 'XSRF-TOKEN']) expect(cookies.find((c) => c.startsWith(`${name}=`))).toMatch(/; Secure/);
      const xsrf = cookieValue(cookies, 'XSRF-TOKEN') ?? '';
      const out = await secure
        .http()
        .post('/api/v1/auth/logout')
        .set('Host', TEST_HOST)
        .set('Origin', TEST_ORIGIN)
        .set('Cookie', cookies.map((c) => c.split(';')[0]).join('; '))
        .set('X-XSRF-TOKEN', xsrf)
        .expect(204);
      const cleared = out.headers['set-cookie'] as unknown as string[];
      expect(cleared).toHaveLength(2);
      for (const cookie of cleared) expect(cookie).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });

  it('answers /auth/me for a session and 401 without one', async () => {
    const session = await signIn(t, tenants.users.directorGe.email);
    const me = await session.get('/api/v1/auth/me').expect(200);
    expect(me.body).toMatchObject({ id: tenants.users.directorGe.id, role: 'regional_director', labId: null, regionId: tenants.regions.ge.id, regionName: 'Grand Est' });
    const anonymous = await t.http().get('/api/v1/auth/me').expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.body).toMatchObject({ status: 401, title: 'Authentification requise' });
  });

  it('answers a wrong password and an unknown e-mail alike, in similar time', async () => {
    const user = tenants.users.leadAmiens;
    const wrong = await login(user.email, 'not the password').expect(401);
    const unknown = await login('nobody@test.sillon.fr', 'not the password').expect(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body).toMatchObject({ status: 401, detail: 'Adresse e-mail ou mot de passe incorrect.' });
    expect(wrong.headers['set-cookie']).toBeUndefined();

    // Both verify an argon2id hash; medians of a few attempts stay within a factor of each other.
    const time = async (email: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = process.hrtime.bigint();
        await login(email, `wrong-${i}-password`).expect(401);
        samples.push(Number(process.hrtime.bigint() - start));
      }
      return samples.sort((a, b) => a - b)[1];
    };
    const known = await time(tenants.users.lead2Lille.email);
    const nobody = await time('someone-else@test.sillon.fr');
    expect(Math.max(known, nobody) / Math.min(known, nobody)).toBeLessThan(4);
    // Failures were counted, but stayed below the account threshold: the account still signs in.
    await login(tenants.users.lead2Lille.email, tenants.users.lead2Lille.password).expect(200);
  });

  it('refuses malformed sign-in bodies with 400 naming the field', async () => {
    const res = await login('not-an-email', '').expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
  });

  it('stores the password as argon2id with m=19456, t=2, p=1', async () => {
    const user = tenants.users.leadLille;
    // A hash set through the API, not the fixture's: create a user as admin and read the row.
    const admin = await signIn(t, tenants.users.admin.email);
    const created = await admin
      .post('/api/v1/users')
      .send({ email: 'hash.check@test.sillon.fr', displayName: 'Hash Check', role: 'project_lead', labId: user.labId, password: 'un mot de passe' })
      .expect(201);
    const [row] = await t.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [created.body.id]);
    // PHC string format: $argon2id$v=19$<params>$<salt>$<hash>, params in any order.
    const [, algorithm, version, params, salt, digest] = (row.password_hash as string).split('$');
    expect(algorithm).toBe('argon2id');
    expect(version).toBe('v=19');
    expect(Object.fromEntries(params.split(',').map((p) => p.split('=')))).toEqual({ m: '19456', t: '2', p: '1' });
    expect(Buffer.from(salt, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(digest, 'base64').length).toBe(32);
    expect(row.password_hash).not.toContain('un mot de passe');
    await login('hash.check@test.sillon.fr', 'un mot de passe').expect(200);
  });

  it('issues a new session id at each sign-in and rejects the old one (no session fixation)', async () => {
    const user = tenants.users.managerAmiens;
    const first = await signIn(t, user.email);
    // Signing in again from the same browser, which still sends the first cookie.
    const again = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Host', TEST_HOST)
      .set('Origin', TEST_ORIGIN)
      .set('Cookie', first.cookie)
      .send({ email: user.email, password: user.password })
      .expect(200);
    const second = cookieValue(again.headers['set-cookie'] as unknown as string[], 'sillon_session');
    expect(second).toBeDefined();
    expect(second).not.toEqual(first.sessionToken);
    await first.get('/api/v1/auth/me').expect(401);
    const secondXsrf = cookieValue(again.headers['set-cookie'] as unknown as string[], 'XSRF-TOKEN') ?? '';
    await sessionFrom(t, second ?? '', secondXsrf).get('/api/v1/auth/me').expect(200);
    // A token planted before sign-in is never adopted: the server only accepts tokens it issued.
    await sessionFrom(t, 'attacker-chosen-token', secondXsrf).get('/api/v1/auth/me').expect(401);
  });

  it('ends the session at logout: replaying the cookie answers 401', async () => {
    const session = await signIn(t, tenants.users.leadNancy.email);
    const res = await session.post('/api/v1/auth/logout').expect(204);
    const cleared = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('sillon_session='));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    await session.get('/api/v1/auth/me').expect(401);
    await session.post('/api/v1/auth/logout').expect(401);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM user_session WHERE user_id = $1`, [tenants.users.leadNancy.id]);
    expect(count).toBe(0);
  });

  it('ends the session of a deactivated user at once', async () => {
    const session = await signIn(t, tenants.users.managerNancy.email);
    await session.get('/api/v1/auth/me').expect(200);
    await t.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [tenants.users.managerNancy.id]);
    await session.get('/api/v1/auth/me').expect(401);
    await login(tenants.users.managerNancy.email, tenants.users.managerNancy.password).expect(401);
    await t.dataSource.query(`UPDATE app_user SET active = true WHERE id = $1`, [tenants.users.managerNancy.id]);
  });

  describe('with a moved clock', () => {
    const clock = () => t.app.get(Clock);
    afterEach(() => jest.restoreAllMocks());

    const moveClock = (ms: number) => {
      const at = new Date(Date.now() + ms);
      jest.spyOn(clock(), 'now').mockReturnValue(at);
    };

    it('expires a session idle longer than SESSION_IDLE_MINUTES (30 by default)', async () => {
      const session = await signIn(t, tenants.users.directorHdf.email);
      moveClock(29 * 60_000);
      await session.get('/api/v1/auth/me').expect(200);
      // Activity at minute 29 restarted the idle timer: minute 58 is still within 30 minutes of it.
      moveClock(58 * 60_000);
      await session.get('/api/v1/auth/me').expect(200);
      moveClock(58 * 60_000 + 31 * 60_000);
      await session.get('/api/v1/auth/me').expect(401);
      jest.restoreAllMocks();
      await session.get('/api/v1/auth/me').expect(401);
    });

    it('expires an active session after SESSION_ABSOLUTE_HOURS (8 by default)', async () => {
      const session = await signIn(t, tenants.users.directorHdf.email);
      // Active every 20 minutes for 8 hours: never idle, but too old in the end.
      for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
        moveClock(minutes * 60_000);
        await session.get('/api/v1/auth/me').expect(200);
      }
      moveClock(8 * 3_600_000 + 60_000);
      await session.get('/api/v1/auth/me').expect(401);
    });
  });

  it('writes sign-ins, failures and sign-outs to the audit trail, never the password', async () => {
    const user = tenants.users.leadAmiens;
    await login(user.email, 'a-secret-wrong-password').set('User-Agent', 'jest').expect(401);
    const session = await signIn(t, user.email);
    await session.post('/api/v1/auth/logout').expect(204);
    const events = await t.dataSource.query(
      `SELECT action, actor_id, actor_email, ip, occurred_at, before, after FROM audit_event WHERE actor_email = $1 ORDER BY id`,
      [user.email],
    );
    const actions = events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.login', 'auth.logout']));
    for (const event of events) {
      expect(event.ip).toMatch(/127\.0\.0\.1|::1/);
      expect(event.occurred_at).toBeInstanceOf(Date);
      expect(JSON.stringify(event)).not.toContain('a-secret-wrong-password');
      expect(JSON.stringify(event)).not.toContain(user.password);
    }
    const failed = events.find((e: { action: string }) => e.action === 'auth.login_failed');
    expect(failed).toMatchObject({ actor_id: user.id, after: { reason: 'wrong_password' } });
    const unknown = await t.dataSource.query(`SELECT actor_id, after FROM audit_event WHERE actor_email = 'nobody@test.sillon.fr'`);
    expect(unknown[0]).toEqual({ actor_id: null, after: { reason: 'unknown_email' } });
  });
});
