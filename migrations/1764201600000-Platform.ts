import { MigrationInterface, QueryRunner } from 'typeorm';

export class Platform1764201600000 implements MigrationInterface {
  name = 'Platform1764201600000';

  async up(q: QueryRunner): Promise<void> {
    // In public, so that every schema (and each test schema) reaches them.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA public`);
    // unaccent() is only STABLE; an immutable wrapper can be used in indexes.
    await q.query(
      `CREATE FUNCTION immutable_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    );
    // One row describing this database: whether it was created as a demo.
    await q.query(`CREATE TABLE "instance" (
      "id" smallint PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
      "demo" boolean NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE "audit_event" (
      "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      "occurred_at" timestamptz NOT NULL DEFAULT now(),
      "actor_id" uuid,
      "actor_email" varchar(254),
      "action" varchar(64) NOT NULL,
      "entity_type" varchar(64) NOT NULL,
      "entity_id" varchar(64),
      "lab_id" uuid,
      "ip" varchar(64),
      "before" jsonb,
      "after" jsonb
    )`);
    await q.query(`CREATE INDEX "audit_event_entity_idx" ON "audit_event" ("entity_type", "entity_id", "occurred_at" DESC)`);
    await q.query(`CREATE INDEX "audit_event_lab_idx" ON "audit_event" ("lab_id", "occurred_at" DESC)`);
    // The trail is append-only. The only exception is a GDPR erasure, which scrubs personal
    // data inside a transaction that sets sillon.erasure = 'on' (SET LOCAL).
    await q.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND coalesce(current_setting('sillon.erasure', true), '') = 'on' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_event"`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP TABLE "instance"`);
    await q.query(`DROP FUNCTION immutable_unaccent(text)`);
    // Extensions stay: other schemas of the same database may use them.
  }
}
