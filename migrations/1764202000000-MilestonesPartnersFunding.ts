import { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'co_design', 'ideation', 'prototyping', 'incubation', 'scale_up'`;

export class MilestonesPartnersFunding1764202000000 implements MigrationInterface {
  name = 'MilestonesPartnersFunding1764202000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "milestone" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "project_id" uuid NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
      -- Copied from the project so that the lab-wide overdue list reads one index.
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      "title" varchar(200) NOT NULL,
      "kind" varchar(16) NOT NULL CHECK ("kind" IN ('workshop', 'user_test', 'decision', 'deliverable', 'funding', 'event', 'training')),
      "stage" varchar(16) NOT NULL CHECK ("stage" IN (${STAGES})),
      "due_on" date NOT NULL,
      "completed_on" date,
      "status" varchar(16) NOT NULL DEFAULT 'planned' CHECK ("status" IN ('planned', 'done', 'cancelled')),
      "owner_id" uuid REFERENCES "app_user" ("id"),
      -- Attendance is reported for workshops, events and trainings only.
      "participant_count" integer CHECK (
        "participant_count" IS NULL OR ("participant_count" >= 0 AND "kind" IN ('workshop', 'event', 'training'))
      ),
      "evidence_url" varchar(2000) CHECK ("evidence_url" IS NULL OR "evidence_url" LIKE 'https://%'),
      "version" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "milestone_completed_check" CHECK (("status" = 'done') = ("completed_on" IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX "milestone_project_due_idx" ON "milestone" ("project_id", "due_on")`);
    await q.query(`CREATE INDEX "milestone_lab_due_idx" ON "milestone" ("lab_id", "due_on")`);
    // Only open milestones can be late: the overdue list reads this small index.
    await q.query(`CREATE INDEX "milestone_open_lab_due_idx" ON "milestone" ("lab_id", "due_on") WHERE "status" = 'planned'`);
    await q.query(`CREATE INDEX "milestone_owner_idx" ON "milestone" ("owner_id")`);

    // A retried POST carrying the same Idempotency-Key gets the first answer back.
    await q.query(`CREATE TABLE "idempotency_key" (
      "user_id" uuid NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
      "key" varchar(200) NOT NULL,
      "route" varchar(200) NOT NULL,
      -- SHA-256 of the route and the canonical request body.
      "request_hash" varchar(64) NOT NULL,
      -- Null while the first request is still being processed.
      "response_status" integer,
      "response_body" jsonb,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("user_id", "key")
    )`);
    await q.query(`CREATE INDEX "idempotency_key_created_idx" ON "idempotency_key" ("created_at")`);

    await q.query(`CREATE TABLE "organisation" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      "name" varchar(200) NOT NULL,
      "type" varchar(16) NOT NULL CHECK ("type" IN ('state', 'local_authority', 'association', 'company', 'social_economy', 'university', 'other')),
      "siret" varchar(14) CHECK ("siret" ~ '^[0-9]{14}$'),
      "department" varchar(3),
      "version" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "search_text" text GENERATED ALWAYS AS (immutable_unaccent(lower("name" || ' ' || coalesce("siret", '')))) STORED
    )`);
    // One record per establishment and lab.
    await q.query(`CREATE UNIQUE INDEX "organisation_lab_siret_key" ON "organisation" ("lab_id", "siret") WHERE "siret" IS NOT NULL`);
    await q.query(`CREATE INDEX "organisation_lab_name_idx" ON "organisation" ("lab_id", "name")`);
    await q.query(`CREATE INDEX "organisation_search_trgm_idx" ON "organisation" USING gin ("search_text" gin_trgm_ops)`);

    await q.query(`CREATE TABLE "contact" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      "organisation_id" uuid NOT NULL REFERENCES "organisation" ("id"),
      "full_name" varchar(200) NOT NULL,
      "email" varchar(254) NOT NULL,
      "phone" varchar(32),
      "role_title" varchar(200),
      "version" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "contact_organisation_idx" ON "contact" ("organisation_id", "full_name")`);
    await q.query(`CREATE INDEX "contact_lab_idx" ON "contact" ("lab_id", "full_name")`);

    await q.query(`CREATE TABLE "project_partner" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "project_id" uuid NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
      "organisation_id" uuid NOT NULL REFERENCES "organisation" ("id"),
      "role" varchar(16) NOT NULL CHECK ("role" IN ('lead_partner', 'funder', 'partner', 'beneficiary')),
      "since" date,
      -- Erasing the person keeps the partnership.
      "contact_id" uuid REFERENCES "contact" ("id") ON DELETE SET NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "project_partner_key" UNIQUE ("project_id", "organisation_id", "role")
    )`);
    await q.query(`CREATE INDEX "project_partner_organisation_idx" ON "project_partner" ("organisation_id")`);
    await q.query(`CREATE INDEX "project_partner_contact_idx" ON "project_partner" ("contact_id")`);

    await q.query(`CREATE TABLE "funding_line" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "project_id" uuid NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      "funder_id" uuid REFERENCES "organisation" ("id"),
      "label" varchar(200) NOT NULL DEFAULT '',
      "scheme" varchar(16) NOT NULL CHECK ("scheme" IN ('subvention', 'appel_a_projets', 'mecenat', 'fonds_propres', 'autre')),
      -- Euro cents, never a float.
      "amount_cents" bigint NOT NULL CHECK ("amount_cents" >= 0 AND "amount_cents" <= 1000000000000),
      "status" varchar(16) NOT NULL DEFAULT 'requested' CHECK ("status" IN ('requested', 'granted', 'received', 'refused')),
      "requested_on" date,
      "decided_on" date,
      "received_on" date,
      "version" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "funding_line_project_idx" ON "funding_line" ("project_id", "status")`);
    await q.query(`CREATE INDEX "funding_line_lab_status_idx" ON "funding_line" ("lab_id", "status")`);
    await q.query(`CREATE INDEX "funding_line_funder_idx" ON "funding_line" ("funder_id")`);

    // Which demo data sets were loaded: a second load finds its row and creates nothing.
    await q.query(`CREATE TABLE "demo_seed" (
      "name" varchar(64) PRIMARY KEY,
      "seeded_at" timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "demo_seed"`);
    await q.query(`DROP TABLE "funding_line"`);
    await q.query(`DROP TABLE "project_partner"`);
    await q.query(`DROP TABLE "contact"`);
    await q.query(`DROP TABLE "organisation"`);
    await q.query(`DROP TABLE "idempotency_key"`);
    await q.query(`DROP TABLE "milestone"`);
  }
}
