import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { Clock } from './clock';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// @nestjs/throttler's storage contract kept in PostgreSQL (table throttle_counter) instead of the
// default in-memory map: several API processes serve one database, and an attacker spreading attempts
// over them must meet one counter. One atomic upsert per hit, so concurrent processes never lose a count.
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now();
    const windowEnd = new Date(now.getTime() + ttl);
    const blockEnd = new Date(now.getTime() + blockDuration);
    const rows: { hits: number; window_ends_at: Date; blocked_until: Date | null }[] = await this.dataSource.query(
      `INSERT INTO throttle_counter AS c (key, hits, window_ends_at, blocked_until)
       VALUES ($1, 1, $3, CASE WHEN 1 > $4::int THEN $5::timestamptz END)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= $2 THEN 1 ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.window_ends_at <= $2 THEN $3 ELSE c.window_ends_at END,
         blocked_until = CASE
           WHEN c.blocked_until > $2 THEN c.blocked_until
           WHEN (CASE WHEN c.window_ends_at <= $2 THEN 1 ELSE c.hits + 1 END) > $4::int THEN $5::timestamptz
           ELSE NULL END
       RETURNING hits, window_ends_at, blocked_until`,
      [`${throttlerName}:${key}`, now, windowEnd, limit, blockEnd],
    );
    const row = rows[0];
    const blockedUntil = row.blocked_until ? new Date(row.blocked_until).getTime() : 0;
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, Math.ceil((new Date(row.window_ends_at).getTime() - now.getTime()) / 1000)),
      isBlocked: blockedUntil > now.getTime(),
      timeToBlockExpire: Math.max(0, Math.ceil((blockedUntil - now.getTime()) / 1000)),
    };
  }

  // Seconds until the longest block among these keys ends; 0 when none is blocked.
  async secondsBlocked(throttlerKeys: string[]): Promise<number> {
    const now = this.clock.now();
    const rows: { until: Date | null }[] = await this.dataSource.query(
      `SELECT max(blocked_until) AS until FROM throttle_counter WHERE key = ANY($1) AND blocked_until > $2`,
      [throttlerKeys, now],
    );
    const until = rows[0]?.until;
    return until ? Math.ceil((new Date(until).getTime() - now.getTime()) / 1000) : 0;
  }

  async reset(throttlerKey: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM throttle_counter WHERE key = $1`, [throttlerKey]);
  }

  async purgeExpired(): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.query(
      `DELETE FROM throttle_counter WHERE window_ends_at <= $1 AND (blocked_until IS NULL OR blocked_until <= $1)`,
      [now],
    );
  }
}
