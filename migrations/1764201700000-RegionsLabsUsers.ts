import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegionsLabsUsers1764201700000 implements MigrationInterface {
  name = 'RegionsLabsUsers1764201700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "region" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" varchar(120) NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "region_name_key" UNIQUE ("name")
    )`);
    await q.query(`CREATE TABLE "lab" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" varchar(120) NOT NULL,
      -- Prefix of the lab's project codes (LIL → LIL-2026-014).
      "code" varchar(3) NOT NULL CHECK ("code" ~ '^[A-Z]{3}$'),
      "region_id" uuid NOT NULL REFERENCES "region" ("id"),
      -- INSEE département codes covered by the lab.
      "departments" varchar(3)[] NOT NULL DEFAULT '{}',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      CONSTRAINT "lab_code_key" UNIQUE ("code"),
      CONSTRAINT "lab_name_key" UNIQUE ("name")
    )`);
    await q.query(`CREATE INDEX "lab_region_idx" ON "lab" ("region_id")`);
    await q.query(`CREATE TABLE "app_user" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "email" varchar(254) NOT NULL,
      "display_name" varchar(120) NOT NULL,
      "role" varchar(32) NOT NULL CHECK ("role" IN ('project_lead', 'lab_manager', 'regional_director', 'admin')),
      "lab_id" uuid REFERENCES "lab" ("id"),
      "region_id" uuid REFERENCES "region" ("id"),
      "password_hash" varchar(255),
      "active" boolean NOT NULL DEFAULT true,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      -- A lab role belongs to a lab, a director to a region, an admin to neither.
      CONSTRAINT "app_user_scope_check" CHECK (
        ("role" IN ('project_lead', 'lab_manager') AND "lab_id" IS NOT NULL AND "region_id" IS NULL)
        OR ("role" = 'regional_director' AND "region_id" IS NOT NULL AND "lab_id" IS NULL)
        OR ("role" = 'admin' AND "lab_id" IS NULL AND "region_id" IS NULL)
      )
    )`);
    // E-mail addresses are compared without case.
    await q.query(`CREATE UNIQUE INDEX "app_user_email_key" ON "app_user" (lower("email"))`);
    await q.query(`CREATE INDEX "app_user_lab_idx" ON "app_user" ("lab_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "app_user"`);
    await q.query(`DROP TABLE "lab"`);
    await q.query(`DROP TABLE "region"`);
  }
}
