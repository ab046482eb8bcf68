import { Clock } from '../../../../apps/api/src/modules/auth/clock';
import { seedTenants, SeededTenants, TEST_HOST, TEST_ORIGIN } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// One proxy trusted, so that each test speaks from its own client IP (X-Forwarded-For).
describe('sign-in throttling', () => {
  let t: TestApp;
  let tenants: SeededTenants;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1' });
    tenants = await seedTenants(t);
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => jest.restoreAllMocks());

  const login = (ip: string, email: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).set('X-Forwarded-For', ip).send({ email, password });

  it('answers 429 after 5 failures of one account in a minute, even with the right password, then lets it in again', async () => {
    const user = tenants.users.leadLille;
    for (let i = 0; i < 5; i++) await login('198.51.100.1', user.email, `wrong password ${i}`).expect(401);
    const blocked = await login('198.51.100.1', user.email, user.password).expect(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.body).toMatchObject({ status: 429, title: 'Trop de requêtes' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['set-cookie']).toBeUndefined();
    // From another address too: the account is what is protected.
    await login('203.0.113.9', user.email, user.password).expect(429);

    // A colleague behind the same public IP is not locked out.
    await login('198.51.100.1', tenants.users.lead2Lille.email, tenants.users.lead2Lille.password).expect(200);

    // Once the block is over, the account signs in.
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 16 * 60_000));
    await login('198.51.100.1', user.email, user.password).expect(200);
  });

  it('counts an unknown e-mail as an account too (no way to tell accounts apart)', async () => {
    for (let i = 0; i < 5; i++) await login('198.51.100.2', 'ghost@test.sillon.fr', `wrong password ${i}`).expect(401);
    await login('198.51.100.2', 'ghost@test.sillon.fr', 'wrong password 5').expect(429);
  });

  it('answers 429 to an IP after 30 failures in a minute across accounts, and not to other IPs', async () => {
    const ip = '198.51.100.3';
    // 30 failures over 10 accounts: 3 each, below the account threshold.
    for (let i = 0; i < 30; i++) await login(ip, `someone${i % 10}@test.sillon.fr`, 'wrong password').expect(401);
    const manager = tenants.users.managerAmiens;
    await login(ip, manager.email, manager.password).expect(429);
    await login('198.51.100.4', manager.email, manager.password).expect(200);
  });

  it('writes throttled attempts to the audit trail', async () => {
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM audit_event WHERE action = 'auth.login_throttled'`);
    expect(count).toBeGreaterThanOrEqual(3);
  });
});
