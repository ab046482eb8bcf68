import { MigrationInterface, QueryRunner } from 'typeorm';

// The second wall: whatever SQL the API sends, PostgreSQL itself keeps each lab's rows to the
// sessions allowed to see them, and keeps the audit trail append-only.
//
// - The API's sessions run as the role sillon_api (SET ROLE on each connection it takes from its
//   pools, see apps/api/src/database/database-session.ts). It owns nothing, so it cannot ALTER,
//   DROP or TRUNCATE; on audit_event it may only SELECT and INSERT.
// - Row-level security on the tables that hold a lab's work: a row is visible (and writable) only
//   when its lab is in sillon.lab_ids, which the API sets from the signed-in session on every
//   connection it uses. A query that forgets its lab condition still returns nothing of other labs.
// - A GDPR erasure rewrites audit events through sillon_erase_contact(), a SECURITY DEFINER
//   function owned by the migrating role: the API cannot update the trail any other way.
//
// Roles belong to the whole server, not to one database: sillon_api is created once and shared
// by every Sillon database (and test schema) of the server; down() drops it only when nothing
// else uses it.
const API_ROLE = 'sillon_api';
const LAB_TABLES = ['project', 'milestone', 'funding_line', 'contact'] as const;

export class DatabaseWall1764300000000 implements MigrationInterface {
  name = 'DatabaseWall1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const schema = await currentSchema(q);
    await q.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${API_ROLE}') THEN
          CREATE ROLE ${API_ROLE} NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // The migrating role must be able to SET ROLE to it (a superuser always can).
    await q.query(`DO $$ BEGIN
        IF NOT pg_has_role(current_user, '${API_ROLE}', 'MEMBER') THEN EXECUTE format('GRANT ${API_ROLE} TO %I', current_user); END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA "${schema}" TO ${API_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO ${API_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO ${API_ROLE}`);
    // Tables of later migrations get the same rights; each migration revokes what it must.
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${API_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT USAGE, SELECT ON SEQUENCES TO ${API_ROLE}`);
    // The trail is written, never rewritten; the migrations' bookkeeping is not the API's.
    await q.query(`REVOKE UPDATE, DELETE ON audit_event FROM ${API_ROLE}`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${API_ROLE}`);

    // The labs of the session, read once per statement (an InitPlan in each policy).
    await q.query(`CREATE FUNCTION sillon_visible_labs() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT coalesce(nullif(current_setting('sillon.lab_ids', true), ''), '{}')::uuid[] $$`);
    for (const table of LAB_TABLES) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY lab_scope ON "${table}" USING (lab_id = ANY ((SELECT sillon_visible_labs())::uuid[]))
        WITH CHECK (lab_id = ANY ((SELECT sillon_visible_labs())::uuid[]))`);
    }
    // A partnership is its project's: visible when the project is (the project's own policy applies).
    await q.query(`ALTER TABLE project_partner ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY lab_scope ON project_partner
      USING (EXISTS (SELECT 1 FROM project p WHERE p.id = project_id))
      WITH CHECK (EXISTS (SELECT 1 FROM project p WHERE p.id = project_id))`);
    // Any session may append an event (sign-in failures have no lab); only its labs' are read.
    await q.query(`ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY lab_scope_read ON audit_event FOR SELECT USING (lab_id = ANY ((SELECT sillon_visible_labs())::uuid[]))`);
    await q.query(`CREATE POLICY append ON audit_event FOR INSERT WITH CHECK (true)`);

    // Append-only, with one way round: the erasure function, running as its owner, not as the API.
    // The setting alone opens nothing: the API's role has no UPDATE right on the trail.
    await q.query(`CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND coalesce(current_setting('sillon.audit_erasure', true), '') = 'on' AND current_user::text <> '${API_ROLE}' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`,
    );

    // Whether a JSON value holds one of the needles as a whole string (compared without case).
    await q.query(`CREATE FUNCTION sillon_mentions(value jsonb, needles text[]) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT EXISTS (SELECT 1 FROM jsonb_path_query(value, 'strict $.**') AS v(item)
                      WHERE jsonb_typeof(v.item) = 'string' AND lower(v.item #>> '{}') = ANY (needles)) $$`);
    // The same value with each of those strings replaced.
    await q.query(`CREATE FUNCTION sillon_scrub(value jsonb, needles text[]) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE result jsonb;
      BEGIN
        CASE jsonb_typeof(value)
          WHEN 'string' THEN
            RETURN CASE WHEN lower(value #>> '{}') = ANY (needles) THEN to_jsonb('[effacé]'::text) ELSE value END;
          WHEN 'object' THEN
            SELECT coalesce(jsonb_object_agg(e.key, sillon_scrub(e.value, needles)), '{}'::jsonb) INTO result FROM jsonb_each(value) AS e;
            RETURN result;
          WHEN 'array' THEN
            SELECT coalesce(jsonb_agg(sillon_scrub(a.item, needles) ORDER BY a.n), '[]'::jsonb) INTO result
              FROM jsonb_array_elements(value) WITH ORDINALITY AS a(item, n);
            RETURN result;
          ELSE RETURN value;
        END CASE;
      END $$`);
    // GDPR erasure of a contact's traces in the trail of the contact's own lab, which must be one of
    // the calling session's labs: the contact's own events lose their data, other events that name
    // the person (whole values: id, name, e-mail, phone) have those values replaced. Returns how
    // many events were scrubbed. Deleting the contact itself is the API's ordinary DELETE.
    await q.query(`CREATE FUNCTION sillon_erase_contact(contact_id uuid) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = "${schema}", public, pg_temp AS $$
      DECLARE
        target record;
        needles text[];
        scrubbed integer;
      BEGIN
        SELECT c.id, c.lab_id, c.full_name, c.email, c.phone INTO target FROM contact c
         WHERE c.id = contact_id AND c.lab_id = ANY (sillon_visible_labs());
        IF NOT FOUND THEN
          RAISE EXCEPTION 'contact % is not in the session''s labs', contact_id USING ERRCODE = 'no_data_found';
        END IF;
        needles := ARRAY(SELECT lower(v) FROM unnest(ARRAY[target.id::text, target.full_name, target.email, target.phone]) AS v
                          WHERE v IS NOT NULL AND btrim(v) <> '');
        PERFORM set_config('sillon.audit_erasure', 'on', true);
        UPDATE audit_event e SET
            before = CASE WHEN e.entity_type = 'contact' AND e.entity_id = target.id::text THEN NULL ELSE sillon_scrub(e.before, needles) END,
            after = CASE WHEN e.entity_type = 'contact' AND e.entity_id = target.id::text THEN NULL ELSE sillon_scrub(e.after, needles) END
          WHERE e.lab_id = target.lab_id
            AND ((e.entity_type = 'contact' AND e.entity_id = target.id::text) OR sillon_mentions(e.before, needles) OR sillon_mentions(e.after, needles));
        GET DIAGNOSTICS scrubbed = ROW_COUNT;
        PERFORM set_config('sillon.audit_erasure', 'off', true);
        RETURN scrubbed;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION sillon_erase_contact(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION sillon_erase_contact(uuid) TO ${API_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const schema = await currentSchema(q);
    await q.query(`DROP FUNCTION sillon_erase_contact(uuid)`);
    await q.query(`DROP FUNCTION sillon_scrub(jsonb, text[])`);
    await q.query(`DROP FUNCTION sillon_mentions(jsonb, text[])`);
    await q.query(`DROP TRIGGER "audit_event_no_truncate" ON "audit_event"`);
    // As the Platform migration wrote it: erasure under a setting.
    await q.query(`CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND coalesce(current_setting('sillon.erasure', true), '') = 'on' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP POLICY append ON audit_event`);
    await q.query(`DROP POLICY lab_scope_read ON audit_event`);
    await q.query(`ALTER TABLE audit_event DISABLE ROW LEVEL SECURITY`);
    for (const table of [...LAB_TABLES, 'project_partner']) {
      await q.query(`DROP POLICY lab_scope ON "${table}"`);
      await q.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`DROP FUNCTION sillon_visible_labs()`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" REVOKE ALL ON TABLES FROM ${API_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" REVOKE ALL ON SEQUENCES FROM ${API_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA "${schema}" FROM ${API_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA "${schema}" FROM ${API_ROLE}`);
    await q.query(`REVOKE ALL ON SCHEMA "${schema}" FROM ${API_ROLE}`);
    // Other databases or schemas of the server may still use the role: then it stays.
    await q.query(`DO $$ BEGIN
        DROP ROLE IF EXISTS ${API_ROLE};
      EXCEPTION WHEN dependent_objects_still_exist OR object_in_use THEN NULL;
      END $$`);
  }
}

async function currentSchema(q: QueryRunner): Promise<string> {
  const [{ schema }] = await q.query(`SELECT current_schema() AS schema`);
  return schema;
}
