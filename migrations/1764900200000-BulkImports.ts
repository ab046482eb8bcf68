import { MigrationInterface, QueryRunner } from 'typeorm';

// A record imported from a lab's spreadsheet keeps the key it was recognised by (the file's project
// code or normalised name, a SIRET, a milestone's project, title and date): importing the same file
// again finds it and creates nothing. One per lab, as the lab's own spreadsheet is.
const TABLES = ['project', 'milestone', 'organisation'] as const;

// The pipeline counts (migration PipelineCounts) followed each inserted project with a row trigger,
// one upsert per project: 10,000 imported projects spent half their time there. Inserts now count
// once per statement from the rows inserted (a transition table); updates and deletes keep the row
// trigger.
const UPDATE_OR_DELETE = `AFTER DELETE OR UPDATE OF "lab_id", "stage", "status", "archived_at" ON "project" FOR EACH ROW EXECUTE FUNCTION "pipeline_count_maintain"()`;
const ANY_CHANGE = `AFTER INSERT OR DELETE OR UPDATE OF "lab_id", "stage", "status", "archived_at" ON "project" FOR EACH ROW EXECUTE FUNCTION "pipeline_count_maintain"()`;

export class BulkImports1764900200000 implements MigrationInterface {
  name = 'BulkImports1764900200000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE "${table}" ADD COLUMN "import_key" varchar(500)`);
      await q.query(`CREATE UNIQUE INDEX "${table}_lab_import_key" ON "${table}" ("lab_id", "import_key") WHERE "import_key" IS NOT NULL`);
    }
    await q.query(`DROP TRIGGER "project_pipeline_count" ON "project"`);
    await q.query(`CREATE TRIGGER "project_pipeline_count" ${UPDATE_OR_DELETE}`);
    // In key order, as the row trigger: two transactions lock the counts in the same order.
    await q.query(`CREATE FUNCTION "pipeline_count_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO pipeline_count AS c (lab_id, stage, status, count)
        SELECT lab_id, stage, status, count(*)::int FROM inserted WHERE archived_at IS NULL
         GROUP BY lab_id, stage, status
         ORDER BY lab_id, stage, status
        ON CONFLICT (lab_id, stage, status) DO UPDATE SET count = c.count + EXCLUDED.count;
        RETURN NULL;
      END
    $$`);
    await q.query(`CREATE TRIGGER "project_pipeline_count_insert" AFTER INSERT ON "project" REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION "pipeline_count_insert"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "project_pipeline_count_insert" ON "project"`);
    await q.query(`DROP FUNCTION "pipeline_count_insert"()`);
    await q.query(`DROP TRIGGER "project_pipeline_count" ON "project"`);
    await q.query(`CREATE TRIGGER "project_pipeline_count" ${ANY_CHANGE}`);
    for (const table of TABLES) {
      await q.query(`DROP INDEX "${table}_lab_import_key"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "import_key"`);
    }
  }
}
