import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { insertProject } from '../milestones/project-fixture';

describe('Organisations and partners', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let director: Session;
  let nancy: Session;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead, director, nancy] = await Promise.all([
      signIn(t, tenants.managerLille.email),
      signIn(t, tenants.leadLille.email),
      signIn(t, tenants.directorHdf.email),
      signIn(t, tenants.managerNancy.email),
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates an organisation with a valid SIRET, finds it without accents, and edits it with its version', async () => {
    const created = await manager
      .post('/api/v1/organisations')
      .send({ name: 'Épicerie solidaire de Fives', type: 'social_economy', siret: '73282932000074', department: '59' })
      .expect(201);
    expect(created.body).toMatchObject({ labId: tenants.lille.id, siret: '73282932000074', version: 1 });
    const found = await director.get('/api/v1/organisations?q=EPICERIE%20solidaire').expect(200);
    expect(found.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
    // Every word, in any order.
    const reordered = await director.get('/api/v1/organisations').query({ q: 'fives epicerie' }).expect(200);
    expect(reordered.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
    expect((await director.get('/api/v1/organisations').query({ q: 'fives roubaix' }).expect(200)).body.total).toBe(0);
    const edited = await manager.patch(`/api/v1/organisations/${created.body.id}`).send({ version: 1, department: '62' }).expect(200);
    expect(edited.body).toMatchObject({ department: '62', version: 2 });
    const stale = await manager.patch(`/api/v1/organisations/${created.body.id}`).send({ version: 1, name: 'Autre' }).expect(409);
    expect(stale.body.current).toMatchObject({ name: 'Épicerie solidaire de Fives', version: 2 });
    const dup = await manager.post('/api/v1/organisations').send({ name: 'Doublon', type: 'company', siret: '73282932000074' }).expect(409);
    expect(dup.body.errors[0].field).toBe('siret');
  });

  it('answers a SIRET failing Luhn with a 400 naming siret', async () => {
    const res = await manager.post('/api/v1/organisations').send({ name: 'CCAS', type: 'local_authority', siret: '73282932000075' }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['siret']);
  });

  it('keeps organisations within their lab and lets only the lab manager write', async () => {
    const [org] = await t.dataSource.query(`SELECT id FROM organisation LIMIT 1`);
    await nancy.get(`/api/v1/organisations/${org.id}`).expect(404);
    expect((await nancy.get('/api/v1/organisations').expect(200)).body.total).toBe(0);
    await lead.post('/api/v1/organisations').send({ name: 'x', type: 'other' }).expect(403);
    await director.patch(`/api/v1/organisations/${org.id}`).send({ version: 2, name: 'x' }).expect(403);
    const admin = await signIn(t, tenants.admin.email);
    await admin.get('/api/v1/organisations').expect(403);
  });

  it('links partners to a project with a role, lists and removes them', async () => {
    const project = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    const org = await manager.post('/api/v1/organisations').send({ name: 'Métropole Européenne de Lille', type: 'local_authority' }).expect(201);
    const partner = await manager
      .post(`/api/v1/projects/${project.id}/partners`)
      .send({ organisationId: org.body.id, role: 'funder', since: '2025-09-01' })
      .expect(201);
    expect(partner.body).toMatchObject({ organisationName: 'Métropole Européenne de Lille', role: 'funder', since: '2025-09-01' });
    await manager.post(`/api/v1/projects/${project.id}/partners`).send({ organisationId: org.body.id, role: 'funder' }).expect(409);
    await lead.post(`/api/v1/projects/${project.id}/partners`).send({ organisationId: org.body.id, role: 'partner' }).expect(403);
    const list = await lead.get(`/api/v1/projects/${project.id}/partners`).expect(200);
    expect(list.body).toHaveLength(1);
    await manager.delete(`/api/v1/projects/${project.id}/partners/${partner.body.id}`).expect(204);
    expect((await lead.get(`/api/v1/projects/${project.id}/partners`).expect(200)).body).toHaveLength(0);
  });

  it('refuses a partner organisation from another lab as an unknown reference', async () => {
    const project = await insertProject(t, tenants.lille);
    const foreign = await nancy.post('/api/v1/organisations').send({ name: 'Asso lorraine', type: 'association' }).expect(201);
    const res = await manager.post(`/api/v1/projects/${project.id}/partners`).send({ organisationId: foreign.body.id, role: 'partner' }).expect(400);
    expect(res.body.errors[0].field).toBe('organisationId');
  });
});
