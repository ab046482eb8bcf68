import { randomBytes } from 'node:crypto';
import { ExpiredRecordsPurge, PURGE_BATCH } from '../../../../apps/api/src/modules/housekeeping/expired-records-purge';
import { seedTenants, SeededTenants, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('purge of expired sessions, idempotency keys and throttle counters', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let purge: ExpiredRecordsPurge;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    purge = t.app.get(ExpiredRecordsPurge);
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(async () => {
    await t.dataSource.query(`DELETE FROM user_session`);
    await t.dataSource.query(`DELETE FROM idempotency_key`);
    await t.dataSource.query(`DELETE FROM throttle_counter`);
  });

  const ago = (ms: number) => new Date(Date.now() - ms);

  // A session created and last seen that long ago; returns its token hash.
  const insertSession = async (createdAgo: number, lastSeenAgo: number): Promise<string> => {
    const hash = randomBytes(32).toString('hex');
    await t.dataSource.query(`INSERT INTO user_session (token_hash, user_id, xsrf_hash, created_at, last_seen_at) VALUES ($1, $2, $1, $3, $4)`, [
      hash,
      tenants.leadLille.id,
      ago(createdAgo),
      ago(lastSeenAgo),
    ]);
    return hash;
  };

  const insertKey = async (createdAgo: number): Promise<string> => {
    const key = randomBytes(8).toString('hex');
    await t.dataSource.query(
      `INSERT INTO idempotency_key (user_id, key, route, request_hash, response_status, response_body, created_at) VALUES ($1, $2, 'POST /x', 'h', 201, '{}', $3)`,
      [tenants.leadLille.id, key, ago(createdAgo)],
    );
    return key;
  };

  // Many rows at once: sessions idle for an hour and keys of two days ago.
  const insertExpired = async (sessions: number, keys: number) => {
    await t.dataSource.query(
      `INSERT INTO user_session (token_hash, user_id, xsrf_hash, created_at, last_seen_at)
       SELECT md5('s' || g) || md5('t' || g), $1, md5('x' || g) || md5('y' || g), $2, $2 FROM generate_series(1, $3::int) g`,
      [tenants.leadLille.id, ago(2 * HOUR), sessions],
    );
    await t.dataSource.query(
      `INSERT INTO idempotency_key (user_id, key, route, request_hash, response_status, created_at)
       SELECT $1, 'bulk-' || g, 'POST /x', 'h', 201, $2 FROM generate_series(1, $3::int) g`,
      [tenants.leadLille.id, ago(48 * HOUR), keys],
    );
  };

  const remaining = async () => ({
    sessions: ((await t.dataSource.query(`SELECT token_hash FROM user_session`)) as { token_hash: string }[]).map((r) => r.token_hash).sort(),
    keys: ((await t.dataSource.query(`SELECT key FROM idempotency_key`)) as { key: string }[]).map((r) => r.key).sort(),
  });

  it('deletes sessions past their idle or absolute timeout and keys older than 24 hours, and keeps the rest', async () => {
    const signedIn = await signIn(t, tenants.leadLille.email);
    const live = [await insertSession(HOUR, MINUTE), await insertSession(2 * HOUR, 29 * MINUTE), await insertSession(7 * HOUR + 50 * MINUTE, MINUTE)];
    await insertSession(HOUR, 31 * MINUTE);
    await insertSession(8 * HOUR + MINUTE, MINUTE);
    await insertSession(9 * HOUR, 2 * HOUR);
    const recentKeys = [await insertKey(MINUTE), await insertKey(23 * HOUR + 50 * MINUTE)];
    await insertKey(24 * HOUR + 10 * MINUTE);
    await insertKey(30 * 24 * HOUR);
    const [{ signed_in: signedInHash }] = await t.dataSource.query(`SELECT token_hash AS signed_in FROM user_session WHERE NOT (token_hash = ANY($1))`, [live]);

    await expect(purge.run()).resolves.toEqual({ sessions: 3, idempotencyKeys: 2, throttleCounters: 0, skipped: false });

    expect(await remaining()).toEqual({ sessions: [...live, signedInHash].sort(), keys: recentKeys.sort() });
    await signedIn.get('/api/v1/auth/me').expect(200);
    await expect(purge.run()).resolves.toEqual({ sessions: 0, idempotencyKeys: 0, throttleCounters: 0, skipped: false });
  });

  it('deletes in batches, all of them within one run', async () => {
    await insertExpired(2 * PURGE_BATCH + 7, PURGE_BATCH + 1);
    const live = await insertSession(HOUR, MINUTE);
    const liveKey = await insertKey(HOUR);
    await expect(purge.run()).resolves.toEqual({ sessions: 2 * PURGE_BATCH + 7, idempotencyKeys: PURGE_BATCH + 1, throttleCounters: 0, skipped: false });
    expect(await remaining()).toEqual({ sessions: [live], keys: [liveKey] });
  });

  it('runs harmlessly twice at once: each row deleted once, the live ones kept', async () => {
    await insertExpired(3 * PURGE_BATCH, 2 * PURGE_BATCH);
    const live = await insertSession(HOUR, MINUTE);
    const liveKey = await insertKey(HOUR);
    const results = await Promise.all([purge.run(), purge.run(), purge.run()]);
    // Another run may have held the lock (skipped), or come after: either way, nothing twice.
    expect(results.reduce((sum, r) => sum + r.sessions, 0)).toBe(3 * PURGE_BATCH);
    expect(results.reduce((sum, r) => sum + r.idempotencyKeys, 0)).toBe(2 * PURGE_BATCH);
    expect(await remaining()).toEqual({ sessions: [live], keys: [liveKey] });
  });

  it('deletes throttle counters whose window and block are both over, and keeps the others', async () => {
    const counter = (key: string, windowEndsAgo: number, blockedUntilAgo: number | null) =>
      t.dataSource.query(`INSERT INTO throttle_counter (key, hits, window_ends_at, blocked_until) VALUES ($1, 3, $2, $3)`, [
        key,
        ago(windowEndsAgo),
        blockedUntilAgo === null ? null : ago(blockedUntilAgo),
      ]);
    await counter('login-ip:live window', -MINUTE, null);
    await counter('login-account:live block', 10 * MINUTE, -5 * MINUTE);
    await counter('login-ip:over', MINUTE, null);
    await counter('login-account:block over', 20 * MINUTE, 5 * MINUTE);
    await t.dataSource.query(
      `INSERT INTO throttle_counter (key, hits, window_ends_at) SELECT 'reports-export:' || g, 1, $1 FROM generate_series(1, $2::int) g`,
      [ago(HOUR), PURGE_BATCH + 3],
    );

    await expect(purge.run()).resolves.toEqual({ sessions: 0, idempotencyKeys: 0, throttleCounters: PURGE_BATCH + 5, skipped: false });
    const keys = ((await t.dataSource.query(`SELECT key FROM throttle_counter ORDER BY key`)) as { key: string }[]).map((r) => r.key);
    expect(keys).toEqual(['login-account:live block', 'login-ip:live window']);
  });
});
