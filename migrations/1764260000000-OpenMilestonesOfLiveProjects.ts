import { MigrationInterface, QueryRunner } from 'typeorm';

// The lab-wide milestone lists leave out the milestones of archived projects. They did it with an
// anti-join on the archived projects, which the count of the overdue list ran for each of a lab's
// open milestones (1,248 in the benchmark's lab): a quarter of PostgreSQL's time for the page.
// Each milestone now carries whether its project is archived, kept by triggers in the same
// transaction as the change, and the partial index of open milestones holds those of live projects
// only: the count is an index-only scan of exactly the rows it counts.
export class OpenMilestonesOfLiveProjects1764260000000 implements MigrationInterface {
  name = 'OpenMilestonesOfLiveProjects1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "milestone" ADD COLUMN "project_archived" boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE "milestone" m SET "project_archived" = true FROM "project" p WHERE p."id" = m."project_id" AND p."archived_at" IS NOT NULL`);
    // Whoever writes the milestone (the API, a script, a bulk load), the flag is its project's.
    await q.query(`CREATE FUNCTION "milestone_project_archived"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.project_archived := coalesce((SELECT archived_at IS NOT NULL FROM project WHERE id = NEW.project_id), false);
        RETURN NEW;
      END
    $$`);
    await q.query(`CREATE TRIGGER "milestone_project_archived" BEFORE INSERT OR UPDATE OF "project_id", "project_archived"
      ON "milestone" FOR EACH ROW EXECUTE FUNCTION "milestone_project_archived"()`);
    // Archiving a project, or bringing it back, flags its milestones.
    await q.query(`CREATE FUNCTION "project_archived_milestones"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE milestone SET project_archived = (NEW.archived_at IS NOT NULL)
         WHERE project_id = NEW.id AND project_archived IS DISTINCT FROM (NEW.archived_at IS NOT NULL);
        RETURN NULL;
      END
    $$`);
    await q.query(`CREATE TRIGGER "project_archived_milestones" AFTER UPDATE OF "archived_at" ON "project" FOR EACH ROW
      WHEN ((OLD."archived_at" IS NULL) <> (NEW."archived_at" IS NULL)) EXECUTE FUNCTION "project_archived_milestones"()`);
    await q.query(
      `CREATE INDEX "milestone_open_live_lab_due_id_idx" ON "milestone" ("lab_id", "due_on", "id") INCLUDE ("project_id")
        WHERE "status" = 'planned' AND NOT "project_archived"`,
    );
    await q.query(`DROP INDEX "milestone_open_lab_due_id_idx"`);
    // The anti-join was the only reader of the index of archived projects.
    await q.query(`DROP INDEX "project_archived_idx"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "project_archived_idx" ON "project" ("id") WHERE "archived_at" IS NOT NULL`);
    await q.query(
      `CREATE INDEX "milestone_open_lab_due_id_idx" ON "milestone" ("lab_id", "due_on", "id") INCLUDE ("project_id") WHERE "status" = 'planned'`,
    );
    await q.query(`DROP INDEX "milestone_open_live_lab_due_id_idx"`);
    await q.query(`DROP TRIGGER "project_archived_milestones" ON "project"`);
    await q.query(`DROP FUNCTION "project_archived_milestones"()`);
    await q.query(`DROP TRIGGER "milestone_project_archived" ON "milestone"`);
    await q.query(`DROP FUNCTION "milestone_project_archived"()`);
    await q.query(`ALTER TABLE "milestone" DROP COLUMN "project_archived"`);
  }
}
