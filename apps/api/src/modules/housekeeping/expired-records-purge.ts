import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../auth/clock';
import { PgThrottlerStorage } from '../auth/pg-throttler.storage';
import { SessionService } from '../auth/session.service';
import { purgeExpiredIdempotencyKeys } from '../milestones/idempotency';

// Key of the transaction-level advisory lock that every API process sharing the database tries
// before a batch: while one process purges, the others skip their tick.
export const PURGE_LOCK_KEY = 7_351_100_001;
// Rows per DELETE, and batches per table per run: a run stays short, the rest waits for the next.
export const PURGE_BATCH = 500;
export const PURGE_MAX_BATCHES = 20;

export interface PurgeResult {
  sessions: number;
  idempotencyKeys: number;
  throttleCounters: number;
  // Another process held the lock: this run stopped there.
  skipped: boolean;
}

type Purger = (manager: EntityManager) => Promise<number>;

// Deletes expired sessions, idempotency keys and throttle counters (sign-ins, per-user limits). Each
// batch is a transaction of its own that first takes the advisory lock, so the embedded database's
// single connection is never held for long; within a transaction, only that transaction's
// EntityManager is used.
@Injectable()
export class ExpiredRecordsPurge {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
    private readonly throttleCounters: PgThrottlerStorage,
  ) {}

  async run(): Promise<PurgeResult> {
    const result: PurgeResult = { sessions: 0, idempotencyKeys: 0, throttleCounters: 0, skipped: false };
    const purgers: [keyof Omit<PurgeResult, 'skipped'>, Purger][] = [
      ['sessions', (manager) => this.sessions.purgeExpired(manager, PURGE_BATCH)],
      ['idempotencyKeys', (manager) => purgeExpiredIdempotencyKeys(manager, this.clock.now(), PURGE_BATCH)],
      ['throttleCounters', (manager) => this.throttleCounters.purgeExpired(manager, PURGE_BATCH)],
    ];
    for (const [table, purge] of purgers) {
      for (let batch = 0; batch < PURGE_MAX_BATCHES; batch++) {
        const deleted = await this.dataSource.transaction(async (manager) => {
          const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(${PURGE_LOCK_KEY}) AS locked`);
          return locked ? purge(manager) : null;
        });
        if (deleted === null) return { ...result, skipped: true };
        result[table] += deleted;
        if (deleted < PURGE_BATCH) break;
      }
    }
    return result;
  }
}
