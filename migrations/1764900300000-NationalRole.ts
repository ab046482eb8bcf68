import { MigrationInterface, QueryRunner } from 'typeorm';

// A national account (role national) reads the portfolio of every region, figures and exports, but
// no personal data: neither the contacts (persons at organisations) nor the audit trail, which names
// people and keeps before/after values. Its sessions reach every lab's rows through sillon.lab_ids;
// contacts, the trail's reads and a contact's erasure follow a second setting, sillon.personal_lab_ids,
// which the API sets equal to sillon.lab_ids for every other role and empty for a national account.
// Unset, it reaches nothing: a session that forgets it reads no personal data.
const ROLES_BEFORE = `'project_lead', 'lab_manager', 'regional_director', 'admin'`;
const SCOPE_BEFORE = `("role" IN ('project_lead', 'lab_manager') AND "lab_id" IS NOT NULL AND "region_id" IS NULL)
        OR ("role" = 'regional_director' AND "region_id" IS NOT NULL AND "lab_id" IS NULL)
        OR ("role" = 'admin' AND "lab_id" IS NULL AND "region_id" IS NULL)`;

export class NationalRole1764900300000 implements MigrationInterface {
  name = 'NationalRole1764900300000';

  async up(q: QueryRunner): Promise<void> {
    const schema = await currentSchema(q);
    // A national account belongs to no lab and no region, like an admin.
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT "app_user_role_check"`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT "app_user_role_check" CHECK ("role" IN (${ROLES_BEFORE}, 'national'))`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT "app_user_scope_check"`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT "app_user_scope_check" CHECK (${SCOPE_BEFORE}
        OR ("role" = 'national' AND "lab_id" IS NULL AND "region_id" IS NULL))`);

    await q.query(`CREATE FUNCTION sillon_personal_labs() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT coalesce(nullif(current_setting('sillon.personal_lab_ids', true), ''), '{}')::uuid[] $$`);
    await this.personalPolicies(q, 'sillon_personal_labs');
    await q.query(eraseContact(schema, 'sillon_personal_labs'));
  }

  async down(q: QueryRunner): Promise<void> {
    const schema = await currentSchema(q);
    const [{ count }] = await q.query(`SELECT count(*)::int AS count FROM app_user WHERE role = 'national'`);
    if (count > 0) {
      throw new Error(`${count} compte(s) de direction nationale existent : changez leur rôle ou supprimez-les avant d'annuler la migration NationalRole.`);
    }
    await q.query(eraseContact(schema, 'sillon_visible_labs'));
    await this.personalPolicies(q, 'sillon_visible_labs');
    await q.query(`DROP FUNCTION sillon_personal_labs()`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT "app_user_scope_check"`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT "app_user_scope_check" CHECK (${SCOPE_BEFORE})`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT "app_user_role_check"`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT "app_user_role_check" CHECK ("role" IN (${ROLES_BEFORE}))`);
  }

  // The policies of the tables holding personal data, on the labs the given function answers.
  private async personalPolicies(q: QueryRunner, labs: string): Promise<void> {
    await q.query(`DROP POLICY lab_scope ON contact`);
    await q.query(`CREATE POLICY lab_scope ON contact USING (lab_id = ANY ((SELECT ${labs}())::uuid[]))
      WITH CHECK (lab_id = ANY ((SELECT ${labs}())::uuid[]))`);
    await q.query(`DROP POLICY lab_scope_read ON audit_event`);
    await q.query(`CREATE POLICY lab_scope_read ON audit_event FOR SELECT USING (lab_id = ANY ((SELECT ${labs}())::uuid[]))`);
  }
}

// sillon_erase_contact() as migration DatabaseWall wrote it, the contact's lab checked against `labs`.
function eraseContact(schema: string, labs: string): string {
  return `CREATE OR REPLACE FUNCTION sillon_erase_contact(contact_id uuid) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = "${schema}", public, pg_temp AS $$
      DECLARE
        target record;
        needles text[];
        scrubbed integer;
      BEGIN
        SELECT c.id, c.lab_id, c.full_name, c.email, c.phone INTO target FROM contact c
         WHERE c.id = contact_id AND c.lab_id = ANY (${labs}());
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
      END $$`;
}

async function currentSchema(q: QueryRunner): Promise<string> {
  const [{ schema }] = await q.query(`SELECT current_schema() AS schema`);
  return schema;
}
