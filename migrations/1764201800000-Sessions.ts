import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1764201800000 implements MigrationInterface {
  name = 'Sessions1764201800000';

  async up(q: QueryRunner): Promise<void> {
    // Server-side sessions, shared by every API process. Only a SHA-256 of the cookie's token is
    // stored, so a copy of the table does not let anyone sign in.
    await q.query(`CREATE TABLE "user_session" (
      "token_hash" char(64) PRIMARY KEY,
      "user_id" uuid NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
      "xsrf_hash" char(64) NOT NULL,
      "created_at" timestamptz NOT NULL,
      "last_seen_at" timestamptz NOT NULL,
      "ip" varchar(64),
      "user_agent" varchar(255)
    )`);
    await q.query(`CREATE INDEX "user_session_user_idx" ON "user_session" ("user_id")`);
    await q.query(`CREATE INDEX "user_session_last_seen_idx" ON "user_session" ("last_seen_at")`);
    // Counters of the sign-in throttler (per account, per IP), shared by every API process.
    await q.query(`CREATE TABLE "throttle_counter" (
      "key" varchar(300) PRIMARY KEY,
      "hits" integer NOT NULL,
      "window_ends_at" timestamptz NOT NULL,
      "blocked_until" timestamptz
    )`);
    await q.query(`CREATE INDEX "throttle_counter_window_idx" ON "throttle_counter" ("window_ends_at")`);
    // Filters of the users list.
    await q.query(`CREATE INDEX "app_user_region_idx" ON "app_user" ("region_id")`);
    await q.query(`CREATE INDEX "app_user_role_idx" ON "app_user" ("role")`);
    await q.query(`CREATE INDEX "app_user_name_trgm_idx" ON "app_user" USING gin (immutable_unaccent(lower("display_name" || ' ' || "email")) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "app_user_name_trgm_idx"`);
    await q.query(`DROP INDEX "app_user_role_idx"`);
    await q.query(`DROP INDEX "app_user_region_idx"`);
    await q.query(`DROP TABLE "throttle_counter"`);
    await q.query(`DROP TABLE "user_session"`);
  }
}
