import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../auth/clock';
import { PgThrottlerStorage } from '../auth/pg-throttler.storage';
import type { SessionService } from '../auth/session.service';
import { ExpiredRecordsPurge, PURGE_BATCH, PURGE_LOCK_KEY, PURGE_MAX_BATCHES } from './expired-records-purge';

// A database whose advisory lock answers `locked`, and whose DELETEs of idempotency keys and throttle
// counters find `keys` rows per call; sessions come from the fake SessionService.
function setUp(locked: boolean, sessionsPerBatch: number[], keys: number) {
  const statements: string[] = [];
  const manager = {
    query: jest.fn(async (sql: string) => {
      statements.push(sql);
      if (sql.includes('pg_try_advisory_xact_lock')) return [{ locked }];
      return [[], keys];
    }),
  } as unknown as EntityManager;
  const dataSource = { transaction: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) } as unknown as DataSource;
  const batches = [...sessionsPerBatch];
  const sessions = { purgeExpired: jest.fn(async (m: EntityManager, limit: number) => (m === manager && limit === PURGE_BATCH ? (batches.shift() ?? 0) : -1)) };
  const clock = { now: () => new Date('2026-12-01T12:00:00Z') } as Clock;
  const purge = new ExpiredRecordsPurge(dataSource, sessions as unknown as SessionService, clock, new PgThrottlerStorage(dataSource, clock));
  return { purge, statements, sessions, dataSource };
}

describe('ExpiredRecordsPurge', () => {
  it('takes the advisory lock in each batch’s transaction and stops at a batch smaller than PURGE_BATCH', async () => {
    const { purge, statements, sessions } = setUp(true, [PURGE_BATCH, PURGE_BATCH, 3], 12);
    await expect(purge.run()).resolves.toEqual({ sessions: 2 * PURGE_BATCH + 3, idempotencyKeys: 12, throttleCounters: 12, skipped: false });
    expect(sessions.purgeExpired).toHaveBeenCalledTimes(3);
    expect(statements.filter((sql) => sql.includes(`pg_try_advisory_xact_lock(${PURGE_LOCK_KEY})`))).toHaveLength(5);
    expect(statements.filter((sql) => sql.includes('DELETE FROM idempotency_key'))).toHaveLength(1);
    expect(statements.filter((sql) => sql.includes('DELETE FROM throttle_counter'))).toHaveLength(1);
  });

  it('deletes at most PURGE_MAX_BATCHES batches of each table in one run', async () => {
    const { purge, sessions } = setUp(true, Array(PURGE_MAX_BATCHES + 5).fill(PURGE_BATCH), PURGE_BATCH);
    await expect(purge.run()).resolves.toEqual({
      sessions: PURGE_MAX_BATCHES * PURGE_BATCH,
      idempotencyKeys: PURGE_MAX_BATCHES * PURGE_BATCH,
      throttleCounters: PURGE_MAX_BATCHES * PURGE_BATCH,
      skipped: false,
    });
    expect(sessions.purgeExpired).toHaveBeenCalledTimes(PURGE_MAX_BATCHES);
  });

  it('deletes nothing while another process holds the lock', async () => {
    const { purge, statements, sessions, dataSource } = setUp(false, [PURGE_BATCH], PURGE_BATCH);
    await expect(purge.run()).resolves.toEqual({ sessions: 0, idempotencyKeys: 0, throttleCounters: 0, skipped: true });
    expect(sessions.purgeExpired).not.toHaveBeenCalled();
    expect(statements.some((sql) => sql.includes('DELETE'))).toBe(false);
    expect(dataSource.transaction).toHaveBeenCalledTimes(1);
  });
});
