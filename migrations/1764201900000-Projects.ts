import { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'co_design', 'ideation', 'prototyping', 'incubation', 'scale_up'`;
const STATUSES = `'active', 'on_hold', 'stopped', 'scaled'`;

export class Projects1764201900000 implements MigrationInterface {
  name = 'Projects1764201900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "project" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      -- LIL-2026-014: lab code, year of creation, per-lab-per-year counter.
      "code" varchar(16) NOT NULL,
      "name" varchar(200) NOT NULL,
      "summary" varchar(4000) NOT NULL DEFAULT '',
      "themes" varchar(64)[] NOT NULL DEFAULT '{}',
      "stage" varchar(16) NOT NULL CHECK ("stage" IN (${STAGES})),
      "status" varchar(16) NOT NULL DEFAULT 'active' CHECK ("status" IN (${STATUSES})),
      "status_reason" varchar(2000),
      "health" varchar(8) NOT NULL DEFAULT 'green' CHECK ("health" IN ('green', 'amber', 'red')),
      "health_comment" varchar(1000),
      "lead_id" uuid REFERENCES "app_user" ("id"),
      -- INSEE codes: '59', '2A', '971'; communes '59350'.
      "departments" varchar(3)[] NOT NULL DEFAULT '{}',
      "communes" varchar(5)[] NOT NULL DEFAULT '{}',
      "start_date" date,
      "is_public" boolean NOT NULL DEFAULT false,
      "stage_entered_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "archived_at" timestamptz,
      -- Free-text search ignores case and accents: one normalised column, one trigram index.
      "search_text" text GENERATED ALWAYS AS (
        immutable_unaccent(lower("code" || ' ' || "name" || ' ' || "summary"))
      ) STORED,
      CONSTRAINT "project_lab_code_key" UNIQUE ("lab_id", "code")
    )`);
    await q.query(`CREATE INDEX "project_search_trgm_idx" ON "project" USING gin ("search_text" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "project_lab_stage_updated_idx" ON "project" ("lab_id", "stage", "updated_at" DESC)`);
    await q.query(`CREATE INDEX "project_lab_updated_idx" ON "project" ("lab_id", "updated_at" DESC)`);
    await q.query(`CREATE INDEX "project_lab_status_idx" ON "project" ("lab_id", "status")`);
    await q.query(`CREATE INDEX "project_lab_health_idx" ON "project" ("lab_id", "health")`);
    // Sorting by name ignores case and accents (Épicerie between Emploi and Fablab), whatever the collation.
    await q.query(`CREATE INDEX "project_lab_name_idx" ON "project" ("lab_id", (immutable_unaccent(lower("name"))))`);
    await q.query(`CREATE INDEX "project_lab_stage_entered_idx" ON "project" ("lab_id", "stage_entered_at")`);
    await q.query(`CREATE INDEX "project_lab_start_date_idx" ON "project" ("lab_id", "start_date")`);
    await q.query(`CREATE INDEX "project_updated_idx" ON "project" ("updated_at" DESC)`);
    await q.query(`CREATE INDEX "project_lead_idx" ON "project" ("lead_id")`);
    await q.query(`CREATE INDEX "project_themes_idx" ON "project" USING gin ("themes")`);
    await q.query(`CREATE INDEX "project_departments_idx" ON "project" USING gin ("departments")`);

    // Codes are numbered per lab and year; the counter row is bumped in the creating transaction.
    await q.query(`CREATE TABLE "project_code_counter" (
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      "year" smallint NOT NULL,
      "last_value" integer NOT NULL,
      PRIMARY KEY ("lab_id", "year")
    )`);

    await q.query(`CREATE TABLE "stage_transition" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "project_id" uuid NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
      -- Null only on the first row, written when the project is created.
      "from_stage" varchar(16) CHECK ("from_stage" IN (${STAGES})),
      "to_stage" varchar(16) NOT NULL CHECK ("to_stage" IN (${STAGES})),
      "from_status" varchar(16) CHECK ("from_status" IN (${STATUSES})),
      "to_status" varchar(16) NOT NULL CHECK ("to_status" IN (${STATUSES})),
      "rationale" varchar(4000) NOT NULL,
      "criteria_met" uuid[] NOT NULL DEFAULT '{}',
      -- Criteria of the stage left that were not met, as they read at the time.
      "criteria_unmet" jsonb NOT NULL DEFAULT '[]',
      "unmet_reason" varchar(2000),
      "decided_by" uuid REFERENCES "app_user" ("id"),
      "decided_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "stage_transition_project_idx" ON "stage_transition" ("project_id", "decided_at")`);
    await q.query(`CREATE INDEX "stage_transition_decided_idx" ON "stage_transition" ("decided_at")`);

    // The checklist to leave a stage (criteria of 'ideation' are checked when moving to 'prototyping').
    await q.query(`CREATE TABLE "gate_criterion" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      "stage" varchar(16) NOT NULL CHECK ("stage" IN (${STAGES})),
      "label" varchar(300) NOT NULL,
      "position" integer NOT NULL DEFAULT 0,
      -- Replaced criteria are deactivated, not deleted: past transitions still name them.
      "active" boolean NOT NULL DEFAULT true,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "gate_criterion_lab_stage_idx" ON "gate_criterion" ("lab_id", "stage", "position")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gate_criterion"`);
    await q.query(`DROP TABLE "stage_transition"`);
    await q.query(`DROP TABLE "project_code_counter"`);
    await q.query(`DROP TABLE "project"`);
  }
}
