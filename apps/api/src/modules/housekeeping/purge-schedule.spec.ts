import type { AppConfig } from '../../config/app-config';
import type { ExpiredRecordsPurge, PurgeResult } from './expired-records-purge';
import { PurgeSchedule } from './purge-schedule';

describe('PurgeSchedule', () => {
  let finish: (() => void) | undefined;
  const run = jest.fn(
    () =>
      new Promise<PurgeResult>((resolve) => {
        finish = () => resolve({ sessions: 0, idempotencyKeys: 0, throttleCounters: 0, skipped: false });
      }),
  );
  const schedule = new PurgeSchedule({ run } as unknown as ExpiredRecordsPurge, { purgeIntervalMinutes: 5 } as AppConfig);

  beforeEach(() => {
    jest.useFakeTimers();
    run.mockClear();
    finish = undefined;
  });

  afterEach(async () => {
    await schedule.onModuleDestroy();
    jest.useRealTimers();
  });

  it('runs every PURGE_INTERVAL_MINUTES on a timer that does not keep the process alive', async () => {
    schedule.onApplicationBootstrap();
    expect(jest.getTimerCount()).toBe(1);
    expect(schedule['timer']?.hasRef()).toBe(false);
    jest.advanceTimersByTime(5 * 60_000 - 1);
    expect(run).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    finish?.();
    await Promise.resolve();
    await jest.advanceTimersByTimeAsync(5 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    finish?.();
  });

  it('does not start a run while the previous one is still going', async () => {
    schedule.onApplicationBootstrap();
    jest.advanceTimersByTime(15 * 60_000);
    expect(run).toHaveBeenCalledTimes(1);
    finish?.();
  });

  it('stops on shutdown, after the current run has finished', async () => {
    schedule.onApplicationBootstrap();
    jest.advanceTimersByTime(5 * 60_000);
    let stopped = false;
    const stopping = schedule.onModuleDestroy().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish?.();
    await stopping;
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(60 * 60_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
