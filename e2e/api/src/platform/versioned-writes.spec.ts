import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Every write that carries a version: the same 409 everywhere (stale_version, the record as it
// stands), a 404 out of reach whatever the version, and one audit event per accepted write only.
describe('versioned writes', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let otherManager: Session;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, otherManager, admin] = await Promise.all([
      signIn(t, tenants.managerLille.email),
      signIn(t, tenants.managerAmiens.email),
      signIn(t, tenants.admin.email),
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  const auditActions = async (entityType: string, entityId: string): Promise<string[]> =>
    (
      await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`, [entityType, entityId])
    ).map((row: { action: string }) => row.action);

  const newProject = async (name = 'Cantine partagée') => (await manager.post('/api/v1/projects').send({ name }).expect(201)).body;
  const newOrganisation = async (name: string) =>
    (await manager.post('/api/v1/organisations').send({ name, type: 'association' }).expect(201)).body;

  interface Case {
    entityType: string;
    url: string;
    create(): Promise<{ id: string }>;
    edit: Record<string, unknown>;
    detail: string;
    session(): Session;
    // A caller who cannot see the record (none when the only writer reads everything).
    outsider?: () => Session;
    action?: string;
  }

  const cases: Case[] = [
    {
      entityType: 'project',
      url: '/api/v1/projects',
      create: () => newProject(),
      edit: { summary: 'Des repas à prix libre.' },
      detail: "Ce projet a été modifié entre-temps par quelqu'un d'autre. Rechargez-le pour repartir de la dernière version.",
      session: () => manager,
      outsider: () => otherManager,
    },
    {
      entityType: 'milestone',
      url: '/api/v1/milestones',
      create: async () => {
        const project = await newProject('Jardin nourricier');
        return (await manager.post(`/api/v1/projects/${project.id}/milestones`).send({ title: 'Atelier de lancement', kind: 'workshop', dueOn: '2031-03-02' }).expect(201)).body;
      },
      edit: { title: 'Atelier de lancement avec les habitants' },
      detail: "Ce jalon a été modifié entre-temps : rechargez-le avant de l'enregistrer.",
      session: () => manager,
      outsider: () => otherManager,
    },
    {
      entityType: 'funding_line',
      url: '/api/v1/funding',
      create: async () => {
        const project = await newProject('Épicerie mobile');
        return (await manager.post(`/api/v1/projects/${project.id}/funding`).send({ scheme: 'subvention', amountCents: 500_000 }).expect(201)).body;
      },
      edit: { amountCents: 750_000 },
      detail: "Cette ligne de financement a été modifiée entre-temps : rechargez-la avant de l'enregistrer.",
      session: () => manager,
      outsider: () => otherManager,
    },
    {
      entityType: 'organisation',
      url: '/api/v1/organisations',
      create: () => newOrganisation('Maison de quartier Wazemmes'),
      edit: { department: '59' },
      detail: "Cette organisation a été modifiée entre-temps : rechargez-la avant de l'enregistrer.",
      session: () => manager,
      outsider: () => otherManager,
    },
    {
      entityType: 'contact',
      url: '/api/v1/contacts',
      create: async () => {
        const organisation = await newOrganisation('Centre social Fives');
        return (await manager.post('/api/v1/contacts').send({ organisationId: organisation.id, fullName: 'Nadia Benali', email: 'nadia.benali@example.fr' }).expect(201)).body;
      },
      edit: { roleTitle: 'Coordinatrice' },
      detail: "Ce contact a été modifié entre-temps : rechargez-le avant de l'enregistrer.",
      session: () => manager,
      outsider: () => otherManager,
    },
    {
      entityType: 'lab',
      url: '/api/v1/labs',
      create: async () => (await admin.post('/api/v1/labs').send({ name: 'Lab de Lens', code: 'LEN', regionId: tenants.regions.hdf.id }).expect(201)).body,
      edit: { departments: ['62'] },
      detail: "Ce lab a été modifié entre-temps par quelqu'un d'autre. Rechargez-le pour repartir de la dernière version.",
      session: () => admin,
    },
    {
      entityType: 'user',
      url: '/api/v1/users',
      create: async () =>
        (await admin.post('/api/v1/users').send({ email: 'paul.lille@test.sillon.fr', displayName: 'Paul Lille', role: 'project_lead', labId: tenants.labs.lille.id, password: 'un bon mot de passe' }).expect(201)).body,
      edit: { displayName: 'Paul Lille-Fives' },
      detail: "Ce compte a été modifié entre-temps par quelqu'un d'autre. Rechargez-le pour repartir de la dernière version.",
      session: () => admin,
    },
  ];

  it.each(cases.map((c) => [c.entityType, c] as const))('%s: a stale version is a 409 stale_version with the record as it stands', async (_name, c) => {
    const created = await c.create();
    const url = `${c.url}/${created.id}`;
    const accepted = await c.session().patch(url).send({ version: 1, ...c.edit }).expect(200);
    expect(accepted.body.version).toBe(2);

    const stale = await c.session().patch(url).send({ version: 1, ...c.edit }).expect(409);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    const current = await c.session().get(url).expect(200);
    expect(stale.body).toEqual({ type: 'urn:sillon:problem:stale_version', title: 'Conflit', status: 409, detail: c.detail, instance: url, current: current.body });
    expect(current.body).toEqual(accepted.body);
    expect(await auditActions(c.entityType, created.id)).toEqual(['create', 'update']);
  });

  it.each(cases.flatMap((c) => (c.outsider ? [[c.entityType, c, c.outsider] as const] : [])))('%s: out of reach is a 404 whatever the version', async (_name, c, outsider) => {
    const created = await c.create();
    const url = `${c.url}/${created.id}`;
    for (const version of [1, 7]) {
      const refused = await outsider().patch(url).send({ version, ...c.edit }).expect(404);
      expect(refused.body).not.toHaveProperty('current');
    }
    expect((await c.session().get(url).expect(200)).body.version).toBe(1);
    expect(await auditActions(c.entityType, created.id)).toEqual(['create']);
  });

  it('a stage decision on a stale version is a 409 with the project as it stands, and records nothing', async () => {
    const project = await newProject('Ressourcerie');
    const url = `/api/v1/projects/${project.id}/transitions`;
    await manager.post(url).send({ to: 'ideation', rationale: 'Besoin confirmé.', version: 1 }).expect(201);
    const stale = await manager.post(url).send({ to: 'prototyping', rationale: 'Trop tôt.', version: 1 }).expect(409);
    const current = await manager.get(`/api/v1/projects/${project.id}`).expect(200);
    expect(current.body).toMatchObject({ stage: 'ideation', version: 2 });
    expect(stale.body).toEqual({
      type: 'urn:sillon:problem:stale_version',
      title: 'Conflit',
      status: 409,
      detail: "Ce projet a été modifié entre-temps par quelqu'un d'autre. Rechargez-le pour repartir de la dernière version.",
      instance: url,
      current: current.body,
    });
    expect(await auditActions('project', project.id)).toEqual(['create', 'transition']);
    expect((await manager.get(url).expect(200)).body.map((s: { toStage: string }) => s.toStage)).toEqual(['co_design', 'ideation']);
  });

  it('archiving a project and deactivating an account raise the version by one, with their audit event', async () => {
    const project = await newProject('Garage solidaire');
    const archived = await manager.delete(`/api/v1/projects/${project.id}`).expect(200);
    expect(archived.body).toMatchObject({ version: 2 });
    expect(archived.body.archivedAt).not.toBeNull();
    expect(await auditActions('project', project.id)).toEqual(['create', 'archive']);

    const user = (
      await admin.post('/api/v1/users').send({ email: 'eva.lille@test.sillon.fr', displayName: 'Eva Lille', role: 'project_lead', labId: tenants.labs.lille.id, password: 'un bon mot de passe' }).expect(201)
    ).body;
    const deactivated = await admin.delete(`/api/v1/users/${user.id}`).expect(200);
    expect(deactivated.body).toMatchObject({ active: false, version: 2 });
    expect(await auditActions('user', user.id)).toEqual(['create', 'deactivate']);
  });
});
