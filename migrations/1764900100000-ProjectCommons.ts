import { MigrationInterface, QueryRunner } from 'typeorm';

const API_ROLE = 'sillon_api';
const KINDS = `'methode', 'guide', 'logiciel', 'donnees', 'formation', 'autre'`;
const LICENCES = `'etalab_2_0', 'cc_by_4_0', 'cc_by_sa_4_0', 'cc0', 'eupl_1_2', 'mit', 'agpl_3_0', 'autre'`;
const LAB_SCOPE = `lab_id = ANY ((SELECT sillon_visible_labs())::uuid[])`;

// What a project publishes as a commons (title, kind, licence, URL, date) and the territories that
// reuse it: a lab's rows, behind the lab wall of the other lab tables (migration DatabaseWall).
//
// The open-data feed is anonymous: its sessions reach no lab, so row-level security shows them no
// project. The view open_data_project, owned by the migrating role, returns the public, non-archived
// projects with their non-personal columns only (no lead, contact, user, e-mail or amount); the API's
// role may read it and nothing else of those projects.
export class ProjectCommons1764900100000 implements MigrationInterface {
  name = 'ProjectCommons1764900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "project_common" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      "project_id" uuid NOT NULL REFERENCES "project" ("id") ON DELETE CASCADE,
      "title" varchar(200) NOT NULL,
      "kind" varchar(16) NOT NULL CHECK ("kind" IN (${KINDS})),
      "licence" varchar(16) NOT NULL CHECK ("licence" IN (${LICENCES})),
      "url" varchar(2000) NOT NULL CHECK ("url" ~ '^https?://'),
      "published_on" date NOT NULL,
      "version" integer NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "project_common_project_idx" ON "project_common" ("project_id", "published_on")`);
    await q.query(`CREATE INDEX "project_common_lab_idx" ON "project_common" ("lab_id")`);
    await q.query(`CREATE TABLE "common_reuse" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "lab_id" uuid NOT NULL REFERENCES "lab" ("id"),
      "common_id" uuid NOT NULL REFERENCES "project_common" ("id") ON DELETE CASCADE,
      "position" smallint NOT NULL,
      "territory" varchar(200) NOT NULL,
      "department" varchar(3),
      "since" date NOT NULL,
      "note" varchar(1000)
    )`);
    await q.query(`CREATE INDEX "common_reuse_common_idx" ON "common_reuse" ("common_id", "position")`);

    for (const table of ['project_common', 'common_reuse']) {
      await q.query(`REVOKE ALL ON "${table}" FROM ${API_ROLE}`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO ${API_ROLE}`);
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY lab_scope ON "${table}" USING (${LAB_SCOPE}) WITH CHECK (${LAB_SCOPE})`);
    }

    // Runs with its owner's rights (a view is not security_invoker by default): the one way in for
    // anonymous readers, and only to these columns of these rows.
    await q.query(`CREATE VIEW "open_data_project" AS
      SELECT p.code, p.name, p.summary, p.themes::text[] AS themes, p.stage, p.status, p.departments::text[] AS departments,
             l.name AS lab_name, r.name AS region_name, p.start_date::text AS start_date,
             (p.updated_at AT TIME ZONE 'Europe/Paris')::date::text AS last_updated,
             coalesce((
               SELECT jsonb_agg(jsonb_build_object(
                        'title', c.title, 'kind', c.kind, 'licence', c.licence, 'url', c.url, 'publishedOn', c.published_on::text,
                        'reuses', coalesce((
                          SELECT jsonb_agg(jsonb_build_object('territory', u.territory, 'department', u.department,
                                                              'since', u.since::text, 'note', u.note) ORDER BY u.position)
                            FROM common_reuse u WHERE u.common_id = c.id), '[]'::jsonb))
                      ORDER BY c.published_on, c.title, c.id)
                 FROM project_common c WHERE c.project_id = p.id), '[]'::jsonb) AS commons
        FROM project p
        JOIN lab l ON l.id = p.lab_id
        JOIN region r ON r.id = l.region_id
       WHERE p.is_public AND p.archived_at IS NULL`);
    await q.query(`REVOKE ALL ON "open_data_project" FROM ${API_ROLE}`);
    await q.query(`GRANT SELECT ON "open_data_project" TO ${API_ROLE}`);
    await q.query(`CREATE INDEX "project_public_idx" ON "project" ("code") WHERE "is_public" AND "archived_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "project_public_idx"`);
    await q.query(`DROP VIEW "open_data_project"`);
    await q.query(`DROP TABLE "common_reuse"`);
    await q.query(`DROP TABLE "project_common"`);
  }
}
