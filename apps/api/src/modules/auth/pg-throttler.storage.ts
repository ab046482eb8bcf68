import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from './clock';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// One counter to increment: its full key (`<throttler name>:<tracker>`), window, limit and block.
export interface ThrottleHit {
  key: string;
  ttlMs: number;
  limit: number;
  blockMs: number;
}

export interface ThrottleCount extends ThrottlerStorageRecord {
  // When the block ends (0: not blocked).
  blockedUntil: number;
  // This hit is the one that started the block: exactly one hit per block sees it.
  blockStarted: boolean;
}

interface CounterRow {
  key: string;
  hits: number;
  window_ends_at: Date;
  blocked_until: Date | null;
}

// One counter's upsert, its parameters from `p` on: key, now, window end, limit, block end.
// Within a window the hits add up; past the limit the counter is blocked until the block ends, and
// the hits still add up meanwhile, so that `hits = limit + 1` marks the one hit that started the
// block. Once the window (or the block) is over, the next hit starts a new window.
const upsertCounter = (p: number) => {
  const [key, now, windowEnd, limit, blockEnd] = [p, p + 1, p + 2, p + 3, p + 4].map((n) => `$${n}`);
  const blocked = `c.blocked_until > ${now}::timestamptz`;
  const fresh = `(c.window_ends_at <= ${now}::timestamptz OR c.blocked_until IS NOT NULL)`;
  return `INSERT INTO throttle_counter AS c (key, hits, window_ends_at, blocked_until)
     VALUES (${key}, 1, ${windowEnd}::timestamptz, CASE WHEN 1 > ${limit}::int THEN ${blockEnd}::timestamptz END)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN ${blocked} THEN c.hits + 1 WHEN ${fresh} THEN 1 ELSE c.hits + 1 END,
       window_ends_at = CASE WHEN ${blocked} THEN c.window_ends_at WHEN ${fresh} THEN ${windowEnd}::timestamptz ELSE c.window_ends_at END,
       blocked_until = CASE
         WHEN ${blocked} THEN c.blocked_until
         WHEN (CASE WHEN ${fresh} THEN 1 ELSE c.hits + 1 END) > ${limit}::int THEN ${blockEnd}::timestamptz
         ELSE NULL END
     RETURNING key, hits, window_ends_at, blocked_until`;
};

// @nestjs/throttler's storage contract kept in PostgreSQL (table throttle_counter) instead of the
// default in-memory map: several API processes serve one database, and an attacker spreading attempts
// over them must meet one counter. Every change is one atomic statement (an upsert, or an update
// whose WHERE decides), so concurrent requests and processes never lose or double a count.
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const [count] = await this.incrementAll([{ key: `${throttlerName}:${key}`, ttlMs: ttl, limit, blockMs: blockDuration }]);
    const { totalHits, timeToExpire, isBlocked, timeToBlockExpire } = count;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire };
  }

  // Increments several counters in one statement (each its own upsert, in one snapshot), so that a
  // sign-in counts its account and its IP together before anything is checked.
  async incrementAll(hits: ThrottleHit[]): Promise<ThrottleCount[]> {
    const now = this.clock.now();
    const params: unknown[] = [];
    const parts = hits.map((hit, i) => {
      params.push(hit.key, now, new Date(now.getTime() + hit.ttlMs), hit.limit, new Date(now.getTime() + hit.blockMs));
      return `h${i} AS (${upsertCounter(i * 5 + 1)})`;
    });
    const rows: CounterRow[] = await this.dataSource.query(
      `WITH ${parts.join(', ')} ${hits.map((_, i) => `SELECT * FROM h${i}`).join(' UNION ALL ')}`,
      params,
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return hits.map((hit) => {
      const row = byKey.get(hit.key);
      if (!row) throw new Error(`throttle counter ${hit.key} was not returned`);
      const blockedUntil = row.blocked_until ? new Date(row.blocked_until).getTime() : 0;
      const isBlocked = blockedUntil > now.getTime();
      return {
        totalHits: row.hits,
        timeToExpire: secondsUntil(new Date(row.window_ends_at).getTime(), now),
        isBlocked,
        timeToBlockExpire: secondsUntil(blockedUntil, now),
        blockedUntil: isBlocked ? blockedUntil : 0,
        blockStarted: isBlocked && row.hits === hit.limit + 1,
      };
    });
  }

  // Keeps a mark under `key` until at least `until` (a later mark extends it).
  async mark(key: string, until: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO throttle_counter AS c (key, hits, window_ends_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET hits = c.hits + 1, window_ends_at = GREATEST(c.window_ends_at, $2)`,
      [key, until],
    );
  }

  async isMarked(key: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM throttle_counter WHERE key = $1 AND window_ends_at > $2`, [key, this.clock.now()]);
    return rows.length > 0;
  }

  // Takes one of `slots` turns of a period (which ends at `periodEnd`), turns at least `spacingMs`
  // apart. Atomic: of concurrent callers, one takes the turn. Returns whether this caller got it.
  async takeTurn(key: string, periodEnd: Date, slots: number, spacingMs: number): Promise<boolean> {
    const now = this.clock.now();
    // A row of another period (an earlier block) starts over.
    const otherPeriod = `(c.window_ends_at <= $2 OR c.window_ends_at <> $3)`;
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO throttle_counter AS c (key, hits, window_ends_at, blocked_until) VALUES ($1, 1, $3, $4)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN ${otherPeriod} THEN 1 ELSE c.hits + 1 END, window_ends_at = $3, blocked_until = $4
       WHERE ${otherPeriod} OR (c.hits < $5 AND c.blocked_until <= $2)
       RETURNING hits`,
      [key, now, periodEnd, new Date(now.getTime() + spacingMs), slots],
    );
    return rows.length > 0;
  }

  // The turns of this period already taken, and when the next may be taken.
  async turns(key: string, periodEnd: Date): Promise<{ taken: number; nextAt: number }> {
    const rows: CounterRow[] = await this.dataSource.query(`SELECT * FROM throttle_counter WHERE key = $1 AND window_ends_at = $2`, [key, periodEnd]);
    const row = rows[0];
    return row ? { taken: row.hits, nextAt: row.blocked_until ? new Date(row.blocked_until).getTime() : 0 } : { taken: 0, nextAt: 0 };
  }

  // Takes one hit back from a counter, within its window.
  async forgive(key: string): Promise<void> {
    await this.dataSource.query(`UPDATE throttle_counter SET hits = hits - 1 WHERE key = $1 AND hits > 0 AND window_ends_at > $2`, [key, this.clock.now()]);
  }

  async reset(keys: string[]): Promise<void> {
    await this.dataSource.query(`DELETE FROM throttle_counter WHERE key = ANY($1)`, [keys]);
  }

  // Up to `limit` counters whose window and block are both over (for the scheduled purge).
  async purgeExpired(manager: EntityManager, limit: number): Promise<number> {
    const [, deleted] = await manager.query(
      `DELETE FROM throttle_counter WHERE key IN (
         SELECT key FROM throttle_counter WHERE window_ends_at <= $1 AND (blocked_until IS NULL OR blocked_until <= $1) LIMIT $2)`,
      [this.clock.now(), limit],
    );
    return deleted;
  }
}

function secondsUntil(time: number, now: Date): number {
  return Math.max(0, Math.ceil((time - now.getTime()) / 1000));
}
