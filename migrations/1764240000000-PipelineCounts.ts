import { MigrationInterface, QueryRunner } from 'typeorm';

// The pipeline summary of a region counted every non-archived project of its labs from an index
// (1.3 ms for 2,000 projects, the most expensive read of the benchmark): a table of counts per lab,
// stage and status, maintained by a trigger in the same transaction as the change, answers it from
// a few dozen rows.
export class PipelineCounts1764240000000 implements MigrationInterface {
  name = 'PipelineCounts1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "pipeline_count" (
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id") ON DELETE CASCADE,
      "stage" varchar(16) NOT NULL,
      "status" varchar(16) NOT NULL,
      "count" integer NOT NULL,
      PRIMARY KEY ("lab_id", "stage", "status")
    )`);
    // One statement applies both sides of a change (-1 where the project was counted, +1 where it is
    // now), its rows in key order: two transactions moving projects in opposite directions lock the
    // counts in the same order and cannot deadlock.
    await q.query(`CREATE FUNCTION "pipeline_count_maintain"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_lab uuid; old_stage varchar; old_status varchar;
        new_lab uuid; new_stage varchar; new_status varchar;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          IF OLD.archived_at IS NULL THEN old_lab := OLD.lab_id; old_stage := OLD.stage; old_status := OLD.status; END IF;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          IF NEW.archived_at IS NULL THEN new_lab := NEW.lab_id; new_stage := NEW.stage; new_status := NEW.status; END IF;
        END IF;
        INSERT INTO pipeline_count AS c (lab_id, stage, status, count)
        SELECT d.lab_id, d.stage, d.status, sum(d.delta)::int
          FROM (VALUES (old_lab, old_stage, old_status, -1), (new_lab, new_stage, new_status, 1)) AS d (lab_id, stage, status, delta)
         WHERE d.lab_id IS NOT NULL
         GROUP BY d.lab_id, d.stage, d.status
        HAVING sum(d.delta) <> 0
         ORDER BY d.lab_id, d.stage, d.status
        ON CONFLICT (lab_id, stage, status) DO UPDATE SET count = c.count + EXCLUDED.count;
        RETURN NULL;
      END
    $$`);
    await q.query(`CREATE TRIGGER "project_pipeline_count" AFTER INSERT OR DELETE OR UPDATE OF "lab_id", "stage", "status", "archived_at"
      ON "project" FOR EACH ROW EXECUTE FUNCTION "pipeline_count_maintain"()`);
    await q.query(`INSERT INTO "pipeline_count" ("lab_id", "stage", "status", "count")
      SELECT "lab_id", "stage", "status", count(*)::int FROM "project" WHERE "archived_at" IS NULL GROUP BY "lab_id", "stage", "status"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "project_pipeline_count" ON "project"`);
    await q.query(`DROP FUNCTION "pipeline_count_maintain"()`);
    await q.query(`DROP TABLE "pipeline_count"`);
  }
}
