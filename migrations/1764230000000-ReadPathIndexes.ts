import { MigrationInterface, QueryRunner } from 'typeorm';

// Indexes the benchmark (npm run bench) showed missing at the scale of a national network.
export class ReadPathIndexes1764230000000 implements MigrationInterface {
  name = 'ReadPathIndexes1764230000000';

  async up(q: QueryRunner): Promise<void> {
    // Overdue list: open milestones of a lab in (due_on, id) order, with the project id at hand, so
    // that the page stops after 50 rows and the count is an index-only scan.
    await q.query(
      `CREATE INDEX "milestone_open_lab_due_id_idx" ON "milestone" ("lab_id", "due_on", "id") INCLUDE ("project_id") WHERE "status" = 'planned'`,
    );
    await q.query(`DROP INDEX "milestone_open_lab_due_idx"`);
    // Archived projects are few: lists exclude them by an anti-join on this small index.
    await q.query(`CREATE INDEX "project_archived_idx" ON "project" ("id") WHERE "archived_at" IS NOT NULL`);
    // Pipeline summary: counts per stage × status of a lab or region, read from the index alone.
    await q.query(`CREATE INDEX "project_pipeline_idx" ON "project" ("lab_id", "stage", "status") WHERE "archived_at" IS NULL`);
    // A project's stage on a date is its last transition before it (ORDER BY decided_at, id LIMIT 1):
    // with id in the index that is the first entry read, no sort per project.
    await q.query(`CREATE INDEX "stage_transition_project_decided_id_idx" ON "stage_transition" ("project_id", "decided_at", "id")`);
    await q.query(`DROP INDEX "stage_transition_project_idx"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "stage_transition_project_idx" ON "stage_transition" ("project_id", "decided_at")`);
    await q.query(`DROP INDEX "stage_transition_project_decided_id_idx"`);
    await q.query(`DROP INDEX "project_pipeline_idx"`);
    await q.query(`DROP INDEX "project_archived_idx"`);
    await q.query(`CREATE INDEX "milestone_open_lab_due_idx" ON "milestone" ("lab_id", "due_on") WHERE "status" = 'planned'`);
    await q.query(`DROP INDEX "milestone_open_lab_due_id_idx"`);
  }
}
