import { Module } from '@nestjs/common';
import { ExpiredRecordsPurge } from './expired-records-purge';
import { PurgeSchedule } from './purge-schedule';

// Upkeep of the records that expire: sessions and throttle counters (auth), idempotency keys (milestones).
@Module({
  providers: [ExpiredRecordsPurge, PurgeSchedule],
})
export class HousekeepingModule {}
