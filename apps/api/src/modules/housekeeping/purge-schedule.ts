import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { loggableError } from '../../common/database-errors';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { ExpiredRecordsPurge } from './expired-records-purge';

// Runs the purge every PURGE_INTERVAL_MINUTES in each API process (a plain interval: @nestjs/schedule
// is not among the dependencies); the advisory lock lets one process at a time do the work.
@Injectable()
export class PurgeSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Purge');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly purge: ExpiredRecordsPurge,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.purgeIntervalMinutes * 60_000);
    // The timer never keeps a process alive by itself (a CLI command, a stopping server).
    this.timer.unref();
  }

  // Before the database connections close: no new run, and the current one finishes.
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    // A run that outlasts the interval is not doubled.
    if (this.running) return;
    this.running = this.purge
      .run()
      .then(
        ({ sessions, idempotencyKeys, throttleCounters }) => {
          if (sessions || idempotencyKeys || throttleCounters) {
            this.logger.log(`${sessions} sessions expirées, ${idempotencyKeys} clés d'idempotence et ${throttleCounters} compteurs de limitation supprimés.`);
          }
        },
        (error: unknown) => this.logger.error(loggableError(error), 'La purge des sessions, des clés et des compteurs expirés a échoué.'),
      )
      .finally(() => {
        this.running = undefined;
      });
  }
}
