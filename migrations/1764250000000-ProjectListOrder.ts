import { MigrationInterface, QueryRunner } from 'typeorm';

// The project list's usual page (one lab, one stage, most recently updated first) read in index order:
// 50 index entries, no sort of the whole stage. The list orders by updated_at DESC NULLS LAST, id DESC,
// which the former (lab_id, stage, updated_at DESC) index could not serve.
export class ProjectListOrder1764250000000 implements MigrationInterface {
  name = 'ProjectListOrder1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "project_lab_stage_updated_id_idx" ON "project" ("lab_id", "stage", "updated_at" DESC NULLS LAST, "id" DESC) WHERE "archived_at" IS NULL`,
    );
    await q.query(`DROP INDEX "project_lab_stage_updated_idx"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "project_lab_stage_updated_idx" ON "project" ("lab_id", "stage", "updated_at" DESC)`);
    await q.query(`DROP INDEX "project_lab_stage_updated_id_idx"`);
  }
}
