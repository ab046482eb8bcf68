import request from 'supertest';
import { Clock } from '../../../../apps/api/src/modules/auth/clock';
import { seedTenants, SeededTenants, SeededUser, TEST_HOST, TEST_ORIGIN } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

// One proxy trusted, so that each test speaks from its own client IP (X-Forwarded-For).
describe('sign-in throttling', () => {
  let t: TestApp;
  let tenants: SeededTenants;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1' });
    tenants = await seedTenants(t);
    // One listening server for all requests: supertest would otherwise listen for the first of the
    // parallel requests and close the server under the others.
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => jest.restoreAllMocks());

  const login = (ip: string, email: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).set('X-Forwarded-For', ip).send({ email, password });

  // Freezes the API's clock at `base` + offset: every throttling decision reads it.
  const at = (base: number, offset: number) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(base + offset));

  const statuses = (responses: request.Response[]) => {
    const count: Record<number, number> = {};
    for (const res of responses) count[res.status] = (count[res.status] ?? 0) + 1;
    return count;
  };

  // Five wrong passwords from `ip`, then the sixth attempt, refused: the account is blocked.
  const block = async (user: SeededUser, ip: string) => {
    for (let i = 0; i < 5; i++) await login(ip, user.email, `wrong password ${i}`).expect(401);
    await login(ip, user.email, `wrong password 5`).expect(429);
  };

  const auditRows = (where: string, params: unknown[]): Promise<{ action: string; actor_email: string; after: Record<string, unknown> | null }[]> =>
    t.dataSource.query(`SELECT action, actor_email, after FROM audit_event WHERE ${where} ORDER BY id`, params);

  it('answers 429 after 5 failures of one account in a minute, even with the right password, then lets it in again', async () => {
    const user = tenants.users.leadLille;
    for (let i = 0; i < 5; i++) await login('198.51.100.1', user.email, `wrong password ${i}`).expect(401);
    const blocked = await login('198.51.100.1', user.email, user.password).expect(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.body).toMatchObject({ status: 429, title: 'Trop de requêtes' });
    expect(blocked.body.detail).toMatch(/^Trop de tentatives de connexion/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['set-cookie']).toBeUndefined();
    // From another address too: the account is what is protected.
    await login('203.0.113.9', user.email, user.password).expect(429);

    // A colleague behind the same public IP is not locked out.
    await login('198.51.100.1', tenants.users.lead2Lille.email, tenants.users.lead2Lille.password).expect(200);

    // Once the block is over, the account signs in.
    at(Date.now(), 16 * MINUTE);
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

  it('checks 40 parallel wrong passwords of one account exactly 5 times: the attempt is counted before the password', async () => {
    const user = tenants.users.managerNancy;
    // From 40 addresses, so that only the account's limit applies.
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`192.0.2.${i + 1}`, user.email, `wrong password ${i}`)));
    expect(statuses(responses)).toEqual({ 401: 5, 429: 35 });
    const tried = responses.findIndex((res) => res.status === 401);
    await login(`192.0.2.${tried + 1}`, user.email, user.password).expect(429);
  });

  it('checks 40 parallel wrong passwords from one IP exactly 30 times', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => login('198.51.100.40', `sprayed${i}@test.sillon.fr`, 'wrong password')));
    expect(statuses(responses)).toEqual({ 401: 30, 429: 10 });
    await login('198.51.100.40', tenants.users.managerLille.email, tenants.users.managerLille.password).expect(429);
  });

  it('lets the right password in from a new IP once the block is 45 s old, never from an IP that failed on the account', async () => {
    const user = tenants.users.leadAmiens;
    const base = Date.now();
    at(base, 0);
    await block(user, '198.51.100.50');
    // Right away, even a new address waits: it is told when to come back.
    const early = await login('198.51.100.51', user.email, user.password).expect(429);
    expect(Number(early.headers['retry-after'])).toBe(45);

    at(base, 46 * SECOND);
    // The address that failed waits for the end of the block.
    const failedHere = await login('198.51.100.50', user.email, user.password).expect(429);
    expect(Number(failedHere.headers['retry-after'])).toBeGreaterThan(14 * 60);
    await login('198.51.100.51', user.email, user.password).expect(200);
    // Signed in: the block is lifted, from everywhere.
    await login('198.51.100.50', user.email, user.password).expect(200);
  });

  it('gives an attacker who rotates IPs at most 3 tries per block, one per new IP and 45 s apart', async () => {
    const user = tenants.users.leadNancy;
    const base = Date.now();
    at(base, 0);
    await block(user, '198.51.100.60');

    at(base, 46 * SECOND);
    await login('198.51.100.61', user.email, 'guess 1').expect(401);
    // The next new address waits 45 s after the previous try.
    const spaced = await login('198.51.100.62', user.email, 'guess 2').expect(429);
    expect(Number(spaced.headers['retry-after'])).toBe(45);

    at(base, 92 * SECOND);
    // Each address has one try.
    await login('198.51.100.61', user.email, 'guess 3').expect(429);
    await login('198.51.100.62', user.email, 'guess 2').expect(401);
    at(base, 138 * SECOND);
    await login('198.51.100.63', user.email, 'guess 4').expect(401);

    // Three tries used: even the right password from a fresh address waits for the end of the block.
    at(base, 184 * SECOND);
    const capped = await login('198.51.100.64', user.email, user.password).expect(429);
    expect(Number(capped.headers['retry-after'])).toBe(15 * 60 - 184);
    at(base, 15 * MINUTE + SECOND);
    await login('198.51.100.64', user.email, user.password).expect(200);
  });

  it('records every failure of a known account and the start of its block once, not each refused attempt', async () => {
    const user = tenants.users.directorGe;
    const ip = '198.51.100.70';
    await block(user, ip);
    for (let i = 0; i < 10; i++) await login(ip, user.email, user.password).expect(429);
    const rows = await auditRows(`ip = $1`, [ip]);
    expect(rows.map((r) => r.action)).toEqual([...Array(5).fill('auth.login_failed'), 'auth.login_throttled']);
    expect(rows.every((r) => r.actor_email === user.email)).toBe(true);
    expect(rows[5].after).toMatchObject({ scope: 'account' });
  });

  it('writes at most one audit row per IP and minute for unknown e-mails', async () => {
    const ip = '198.51.100.80';
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => login(ip, `unknown${i}@test.sillon.fr`, 'wrong password')));
    // 30 failures then the IP's block.
    expect(statuses(responses)).toEqual({ 401: 30, 429: 20 });
    const rows = await auditRows(`ip = $1`, [ip]);
    const failures = rows.filter((r) => r.action === 'auth.login_failed');
    expect(failures).toHaveLength(1);
    expect(failures[0].after).toMatchObject({ reason: 'unknown_email' });
    // Besides, the start of the IP's block, once.
    expect(rows.filter((r) => r.action !== 'auth.login_failed')).toEqual([expect.objectContaining({ action: 'auth.login_throttled', after: expect.objectContaining({ scope: 'ip' }) })]);

    // The next minute, one more.
    const other = '198.51.100.81';
    const base = Date.now();
    at(base, 0);
    for (let i = 0; i < 8; i++) await login(other, `nobody${i}@test.sillon.fr`, 'wrong password').expect(401);
    at(base, MINUTE + SECOND);
    for (let i = 0; i < 8; i++) await login(other, `nobody${i}@test.sillon.fr`, 'wrong password').expect(401);
    expect(await auditRows(`ip = $1`, [other])).toHaveLength(2);
  });
});
