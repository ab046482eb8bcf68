import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'event', 'workshop', 'training', 'visit', 'other'`;
const ACTOR_TYPES = ['state', 'local_authority', 'association', 'company', 'citizen', 'other'] as const;
const MAX_ATTENDANCE = 1_000_000;
const API_ROLE = 'sillon_api';
const VISIBLE = `lab_id = ANY ((SELECT sillon_visible_labs())::uuid[])`;

// What a lab does beyond its projects (events, workshops, trainings, visits) and who came, per actor
// type. The total is a generated column: it can never disagree with its parts. A lab's rows: lab_id
// and the lab wall of the other lab tables (migration DatabaseWall); the links to projects and to the
// facilitating organisations are visible and writable only through their activity.
export class LabActivities1764900000000 implements MigrationInterface {
  name = 'LabActivities1764900000000';

  async up(q: QueryRunner): Promise<void> {
    const attendance = ACTOR_TYPES.map(
      (type) => `"attendance_${type}" integer NOT NULL DEFAULT 0 CHECK ("attendance_${type}" BETWEEN 0 AND ${MAX_ATTENDANCE})`,
    ).join(',\n      ');
    const total = ACTOR_TYPES.map((type) => `"attendance_${type}"`).join(' + ');
    await q.query(`CREATE TABLE "lab_activity" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      "title" varchar(200) NOT NULL CHECK (btrim("title") <> ''),
      "kind" varchar(16) NOT NULL CHECK ("kind" IN (${KINDS})),
      "starts_on" date NOT NULL,
      "ends_on" date,
      "place" varchar(200),
      "description" varchar(4000),
      ${attendance},
      "participants" integer GENERATED ALWAYS AS (${total}) STORED,
      "created_by" uuid REFERENCES "app_user" ("id") ON DELETE SET NULL,
      "version" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "search_text" text GENERATED ALWAYS AS (immutable_unaccent(lower("title" || ' ' || coalesce("place", '')))) STORED,
      CONSTRAINT "lab_activity_dates_check" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on")
    )`);
    // The list and the reports: a lab's activities by start date, most recent first.
    await q.query(`CREATE INDEX "lab_activity_lab_starts_idx" ON "lab_activity" ("lab_id", "starts_on" DESC, "id" DESC)`);
    await q.query(`CREATE INDEX "lab_activity_search_trgm_idx" ON "lab_activity" USING gin ("search_text" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "lab_activity_created_by_idx" ON "lab_activity" ("created_by")`);

    await q.query(`CREATE TABLE "lab_activity_project" (
      "activity_id" uuid NOT NULL REFERENCES "lab_activity" ("id") ON DELETE CASCADE,
      "project_id" uuid NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
      PRIMARY KEY ("activity_id", "project_id")
    )`);
    // A project's page lists the activities linked to it.
    await q.query(`CREATE INDEX "lab_activity_project_project_idx" ON "lab_activity_project" ("project_id")`);

    await q.query(`CREATE TABLE "lab_activity_facilitator" (
      "activity_id" uuid NOT NULL REFERENCES "lab_activity" ("id") ON DELETE CASCADE,
      "organisation_id" uuid NOT NULL REFERENCES "organisation" ("id") ON DELETE CASCADE,
      PRIMARY KEY ("activity_id", "organisation_id")
    )`);
    await q.query(`CREATE INDEX "lab_activity_facilitator_organisation_idx" ON "lab_activity_facilitator" ("organisation_id")`);

    for (const table of ['lab_activity', 'lab_activity_project', 'lab_activity_facilitator']) {
      await q.query(`REVOKE ALL ON "${table}" FROM ${API_ROLE}`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO ${API_ROLE}`);
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
    }
    await q.query(`CREATE POLICY lab_scope ON "lab_activity" USING (${VISIBLE}) WITH CHECK (${VISIBLE})`);
    // A link is its activity's: visible and writable when the activity is (its own policy applies).
    for (const table of ['lab_activity_project', 'lab_activity_facilitator']) {
      await q.query(`CREATE POLICY lab_scope ON "${table}"
        USING (EXISTS (SELECT 1 FROM lab_activity a WHERE a.id = activity_id))
        WITH CHECK (EXISTS (SELECT 1 FROM lab_activity a WHERE a.id = activity_id))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "lab_activity_facilitator"`);
    await q.query(`DROP TABLE "lab_activity_project"`);
    await q.query(`DROP TABLE "lab_activity"`);
  }
}
