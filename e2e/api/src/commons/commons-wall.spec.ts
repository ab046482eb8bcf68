import { runWithLabs } from '../../../../apps/api/src/database/database-session';
import { insertProject } from '../milestones/project-fixture';
import { seedTenants, SeededTenants } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// The second wall for commons and open data: the commons are a lab's rows, and the anonymous feed
// reaches public projects only through the view open_data_project, never the tables themselves.
describe('database wall: commons and the open-data view', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let lilleCommon: string;
  let publicProject: { id: string; code: string };
  let privateProject: { id: string; code: string };

  const api = (sql: string, params: unknown[] = []) => t.apiDataSource.query(sql, params);

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    publicProject = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    privateProject = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    await t.dataSource.query(`UPDATE project SET is_public = true WHERE id = $1`, [publicProject.id]);
    [{ id: lilleCommon }] = await t.dataSource.query(
      `INSERT INTO project_common (lab_id, project_id, title, kind, licence, url, published_on)
       VALUES ($1, $2, 'Kit', 'guide', 'cc0', 'https://communs.example.fr/kit', '2026-05-01') RETURNING id`,
      [tenants.lille.id, publicProject.id],
    );
    await t.dataSource.query(`INSERT INTO common_reuse (lab_id, common_id, position, territory, since) VALUES ($1, $2, 1, 'Ville de Lens', '2026-06-01')`, [
      tenants.lille.id,
      lilleCommon,
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps commons and reuses to the sessions of their lab, and refuses to write them into another lab', async () => {
    expect(await api(`SELECT id FROM project_common`)).toEqual([]);
    expect(await api(`SELECT id FROM common_reuse`)).toEqual([]);
    expect(await runWithLabs([tenants.amiens.id], () => api(`SELECT id FROM project_common`))).toEqual([]);
    expect(await runWithLabs([tenants.lille.id], () => api(`SELECT id FROM project_common`))).toEqual([{ id: lilleCommon }]);
    await expect(
      runWithLabs([tenants.amiens.id], () =>
        api(`INSERT INTO project_common (lab_id, project_id, title, kind, licence, url, published_on)
             VALUES ($1, $2, 'Intrus', 'guide', 'cc0', 'https://x.example.fr', '2026-05-01')`, [tenants.lille.id, publicProject.id]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      runWithLabs([tenants.lille.id], () => api(`UPDATE project_common SET lab_id = $2 WHERE id = $1`, [lilleCommon, tenants.amiens.id])),
    ).rejects.toThrow(/row-level security/);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM project_common`);
    expect(n).toBe(1);
  });

  it('lets a session without labs read public projects through the view only, never the project table', async () => {
    expect(await api(`SELECT id FROM project`)).toEqual([]);
    expect(await api(`SELECT id FROM project WHERE is_public`)).toEqual([]);
    const view = await api(`SELECT code, commons FROM open_data_project`);
    expect(view).toEqual([
      {
        code: publicProject.code,
        commons: [
          {
            title: 'Kit', kind: 'guide', licence: 'cc0', url: 'https://communs.example.fr/kit', publishedOn: '2026-05-01',
            reuses: [{ territory: 'Ville de Lens', department: null, since: '2026-06-01', note: null }],
          },
        ],
      },
    ]);
    expect(view.map((r: { code: string }) => r.code)).not.toContain(privateProject.code);
  });

  it('gives the view no personal column, and the API role no right to change it', async () => {
    const columns = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'open_data_project' ORDER BY ordinal_position`,
    );
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual([
      'code', 'name', 'summary', 'themes', 'stage', 'status', 'departments', 'lab_name', 'region_name', 'start_date', 'last_updated', 'commons',
    ]);
    const [rights] = await t.dataSource.query(
      `SELECT has_table_privilege('sillon_api', 'open_data_project', 'SELECT') AS sel,
              has_table_privilege('sillon_api', 'open_data_project', 'INSERT') AS ins,
              has_table_privilege('sillon_api', 'open_data_project', 'UPDATE') AS upd,
              has_table_privilege('sillon_api', 'open_data_project', 'DELETE') AS del`,
    );
    expect(rights).toEqual({ sel: true, ins: false, upd: false, del: false });
    await expect(api(`UPDATE open_data_project SET name = 'Intrus'`)).rejects.toThrow(/permission denied|cannot update view/);
  });
});
