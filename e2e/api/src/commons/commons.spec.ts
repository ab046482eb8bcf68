import { insertProject } from '../milestones/project-fixture';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const guide = {
  title: 'Guide de la médiation numérique en mairie',
  kind: 'guide',
  licence: 'etalab_2_0',
  url: 'https://communs.example.fr/guide-mediation',
  publishedOn: '2026-06-15',
  reuses: [
    { territory: 'Communauté de communes du Pays de Mormal', department: '59', since: '2026-09-01', note: 'Adapté aux maisons France services' },
    { territory: 'Ville de Metz', since: '2026-10-12' },
  ],
};

describe('Commons of a project', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let lead2: Session;
  let director: Session;
  let managerAmiens: Session;

  const commonsIn = async (projectId: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM project_common WHERE project_id = $1`, [projectId]))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead, lead2, director, managerAmiens] = await Promise.all([
      signIn(t, tenants.managerLille.email),
      signIn(t, tenants.leadLille.email),
      signIn(t, tenants.lead2Lille.email),
      signIn(t, tenants.directorHdf.email),
      signIn(t, tenants.managerAmiens.email),
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('lets the project lead publish, edit and delete a commons with its reuses, each write audited', async () => {
    const project = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    const created = await lead.post(`/api/v1/projects/${project.id}/commons`).send(guide).expect(201);
    expect(created.body).toMatchObject({
      projectId: project.id,
      labId: tenants.lille.id,
      title: guide.title,
      kind: 'guide',
      licence: 'etalab_2_0',
      url: guide.url,
      publishedOn: '2026-06-15',
      version: 1,
      reuses: [
        { territory: 'Communauté de communes du Pays de Mormal', department: '59', since: '2026-09-01', note: 'Adapté aux maisons France services' },
        { territory: 'Ville de Metz', department: null, since: '2026-10-12', note: null },
      ],
    });
    const read = await director.get(`/api/v1/projects/${project.id}/commons`).expect(200);
    expect(read.body).toEqual([created.body]);

    const edited = await manager
      .patch(`/api/v1/commons/${created.body.id}`)
      .send({ version: 1, licence: 'cc_by_sa_4_0', reuses: [{ territory: 'Département du Nord', department: '59', since: '2026-11-02' }] })
      .expect(200);
    expect(edited.body).toMatchObject({ version: 2, licence: 'cc_by_sa_4_0', title: guide.title, reuses: [{ territory: 'Département du Nord', department: '59' }] });
    expect((await lead.get(`/api/v1/projects/${project.id}/commons`).expect(200)).body).toEqual([edited.body]);

    await lead.delete(`/api/v1/commons/${created.body.id}`).expect(204);
    expect(await commonsIn(project.id)).toBe(0);
    const [{ n: reuses }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM common_reuse WHERE common_id = $1`, [created.body.id]);
    expect(reuses).toBe(0);
    const events = await t.dataSource.query(`SELECT action, lab_id, actor_email FROM audit_event WHERE entity_type = 'project_common' AND entity_id = $1 ORDER BY id`, [
      created.body.id,
    ]);
    expect(events).toEqual([
      { action: 'create', lab_id: tenants.lille.id, actor_email: tenants.leadLille.email },
      { action: 'update', lab_id: tenants.lille.id, actor_email: tenants.managerLille.email },
      { action: 'delete', lab_id: tenants.lille.id, actor_email: tenants.leadLille.email },
    ]);
  });

  it('answers 409 with the commons as it stands to an edit based on an older version, and changes nothing', async () => {
    const project = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    const created = await lead.post(`/api/v1/projects/${project.id}/commons`).send(guide).expect(201);
    await manager.patch(`/api/v1/commons/${created.body.id}`).send({ version: 1, title: 'Guide révisé' }).expect(200);
    const stale = await lead
      .patch(`/api/v1/commons/${created.body.id}`)
      .send({ version: 1, title: 'Titre périmé', reuses: [] })
      .expect(409);
    expect(stale.body).toMatchObject({ type: 'urn:sillon:problem:stale_version', current: { title: 'Guide révisé', version: 2 } });
    expect(stale.body.current.reuses).toHaveLength(2);
    const [row] = await t.dataSource.query(`SELECT title, version, (SELECT count(*)::int FROM common_reuse WHERE common_id = $1) AS reuses FROM project_common WHERE id = $1`, [
      created.body.id,
    ]);
    expect(row).toEqual({ title: 'Guide révisé', version: 2, reuses: 2 });
  });

  it('lets only who may write the project write its commons; readers read; nobody outside sees it', async () => {
    const project = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    const created = await lead.post(`/api/v1/projects/${project.id}/commons`).send(guide).expect(201);
    // Another lead of the lab reads but does not write; the regional director neither.
    await lead2.get(`/api/v1/projects/${project.id}/commons`).expect(200);
    await lead2.post(`/api/v1/projects/${project.id}/commons`).send(guide).expect(403);
    await lead2.patch(`/api/v1/commons/${created.body.id}`).send({ version: 1, title: 'Intrus' }).expect(403);
    await lead2.delete(`/api/v1/commons/${created.body.id}`).expect(403);
    await director.post(`/api/v1/projects/${project.id}/commons`).send(guide).expect(403);
    // Another lab: not found.
    await managerAmiens.get(`/api/v1/projects/${project.id}/commons`).expect(404);
    await managerAmiens.patch(`/api/v1/commons/${created.body.id}`).send({ version: 1, title: 'Intrus' }).expect(404);
    await managerAmiens.delete(`/api/v1/commons/${created.body.id}`).expect(404);
    await t.http().get(`/api/v1/projects/${project.id}/commons`).expect(401);
    expect(await commonsIn(project.id)).toBe(1);
    const [row] = await t.dataSource.query(`SELECT title, version FROM project_common WHERE id = $1`, [created.body.id]);
    expect(row).toEqual({ title: guide.title, version: 1 });
  });

  it('refuses to add a commons to an archived project', async () => {
    const project = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id, archived: true });
    await manager.post(`/api/v1/projects/${project.id}/commons`).send(guide).expect(409);
    expect(await commonsIn(project.id)).toBe(0);
  });

  it('answers 400 naming each wrong field, and writes nothing', async () => {
    const project = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    const res = await lead
      .post(`/api/v1/projects/${project.id}/commons`)
      .send({
        title: '',
        kind: 'roman',
        licence: 'WTFPL',
        url: 'javascript:alert(1)',
        publishedOn: '2026-02-30',
        reuses: [{ territory: 'Lyon', department: '99', since: 'hier' }],
      })
      .expect(400);
    const fields = [...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort();
    expect(fields).toEqual(['kind', 'licence', 'publishedOn', 'reuses.0.department', 'reuses.0.since', 'title', 'url'].sort());
    for (const error of res.body.errors) expect(error.message).toMatch(/[a-zé]/);
    for (const url of ['ftp://example.fr/guide', 'https://', 'not a url', 'http://localhost/x']) {
      const bad = await lead.post(`/api/v1/projects/${project.id}/commons`).send({ ...guide, url }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['url']);
    }
    const blank = await lead
      .post(`/api/v1/projects/${project.id}/commons`)
      .send({ ...guide, title: '   ', reuses: [{ territory: ' ', since: '2026-09-01' }] })
      .expect(400);
    expect(blank.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['reuses.0.territory', 'title']);
    expect(await commonsIn(project.id)).toBe(0);

    const created = await lead.post(`/api/v1/projects/${project.id}/commons`).send(guide).expect(201);
    const patch = await lead.patch(`/api/v1/commons/${created.body.id}`).send({ version: 1, url: 'ftp://x', reuses: [{ department: '59' }] }).expect(400);
    expect([...new Set(patch.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['reuses.0.since', 'reuses.0.territory', 'url']);
    const [row] = await t.dataSource.query(`SELECT url, version, (SELECT count(*)::int FROM common_reuse WHERE common_id = $1) AS reuses FROM project_common WHERE id = $1`, [
      created.body.id,
    ]);
    expect(row).toEqual({ url: guide.url, version: 1, reuses: 2 });
  });
});
