import { MigrationInterface, QueryRunner } from 'typeorm';

// The Journal of a lab filters its trail by person: the lab's events of one actor, newest first.
export class AuditActorIndex1764810100000 implements MigrationInterface {
  name = 'AuditActorIndex1764810100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "audit_event_lab_actor_idx" ON "audit_event" ("lab_id", "actor_id", "occurred_at" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "audit_event_lab_actor_idx"`);
  }
}
