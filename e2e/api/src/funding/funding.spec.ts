import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { insertProject } from '../milestones/project-fixture';

describe('Funding lines', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let director: Session;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead, director] = await Promise.all([
      signIn(t, tenants.managerLille.email),
      signIn(t, tenants.leadLille.email),
      signIn(t, tenants.directorHdf.email),
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('records lines in integer cents and totals them per status', async () => {
    const project = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    const funder = await manager.post('/api/v1/organisations').send({ name: 'Région Hauts-de-France', type: 'local_authority' }).expect(201);
    const a = await manager
      .post(`/api/v1/projects/${project.id}/funding`)
      .send({ funderId: funder.body.id, scheme: 'subvention', amountCents: 1_250_000, status: 'granted', requestedOn: '2026-01-10', decidedOn: '2026-03-02' })
      .expect(201);
    expect(a.body).toMatchObject({ amountCents: 1_250_000, funderName: 'Région Hauts-de-France', status: 'granted', decidedOn: '2026-03-02' });
    await manager.post(`/api/v1/projects/${project.id}/funding`).send({ scheme: 'mecenat', amountCents: 99_999_999_999, status: 'requested' }).expect(201);
    await manager.post(`/api/v1/projects/${project.id}/funding`).send({ scheme: 'appel_a_projets', amountCents: 1, status: 'granted' }).expect(201);
    const read = await director.get(`/api/v1/projects/${project.id}/funding`).expect(200);
    expect(read.body.items).toHaveLength(3);
    expect(read.body.totals).toEqual({ requested: 99_999_999_999, granted: 1_250_001, received: 0, refused: 0 });

    const received = await manager.patch(`/api/v1/funding/${a.body.id}`).send({ version: 1, status: 'received', receivedOn: '2026-04-15' }).expect(200);
    expect(received.body).toMatchObject({ status: 'received', version: 2 });
    const stale = await manager.patch(`/api/v1/funding/${a.body.id}`).send({ version: 1, amountCents: 5 }).expect(409);
    expect(stale.body.current.amountCents).toBe(1_250_000);
    const totals = (await lead.get(`/api/v1/projects/${project.id}/funding`).expect(200)).body.totals;
    expect(totals).toMatchObject({ granted: 1, received: 1_250_000 });
  });

  it('lets only the lab manager write, and nobody outside the region read', async () => {
    const project = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    await lead.post(`/api/v1/projects/${project.id}/funding`).send({ scheme: 'subvention', amountCents: 100 }).expect(403);
    await director.post(`/api/v1/projects/${project.id}/funding`).send({ scheme: 'subvention', amountCents: 100 }).expect(403);
    const ge = await signIn(t, tenants.directorGe.email);
    await ge.get(`/api/v1/projects/${project.id}/funding`).expect(404);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM funding_line WHERE project_id = $1`, [project.id]);
    expect(n).toBe(0);
  });

  it('refuses a decision dated before the request, naming decidedOn', async () => {
    const project = await insertProject(t, tenants.lille);
    const res = await manager
      .post(`/api/v1/projects/${project.id}/funding`)
      .send({ scheme: 'subvention', amountCents: 100, requestedOn: '2026-05-01', decidedOn: '2026-04-01' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['decidedOn']);
  });
});
