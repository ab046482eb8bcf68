import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('projects', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let lead2: Session;
  let directorHdf: Session;
  let directorGe: Session;
  let managerAmiens: Session;
  let admin: Session;
  const year = Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead, lead2, directorHdf, directorGe, managerAmiens, admin] = await Promise.all(
      [tenants.managerLille, tenants.leadLille, tenants.lead2Lille, tenants.directorHdf, tenants.directorGe, tenants.managerAmiens, tenants.admin].map(
        (u) => signIn(t, u.email),
      ),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].count);

  it('creates projects with a per-lab, per-year code; a lead leads what they create', async () => {
    const first = await lead
      .post('/api/v1/projects')
      .send({ name: 'Épicerie solidaire mobile', summary: 'Une épicerie itinérante dans les villages du Cambrésis', themes: ['alimentation_durable'], departments: ['59'], startDate: '2026-02-01' })
      .expect(201);
    expect(first.body).toMatchObject({
      code: `LIL-${year}-001`,
      name: 'Épicerie solidaire mobile',
      stage: 'co_design',
      status: 'active',
      health: 'green',
      leadId: tenants.leadLille.id,
      leadName: tenants.leadLille.displayName,
      labId: tenants.lille.id,
      labCode: 'LIL',
      startDate: '2026-02-01',
      version: 1,
      daysInStage: 0,
      archivedAt: null,
    });
    const second = await manager.post('/api/v1/projects').send({ name: 'Médiation numérique en CCAS', leadId: tenants.lead2Lille.id, stage: 'ideation' }).expect(201);
    expect(second.body).toMatchObject({ code: `LIL-${year}-002`, leadId: tenants.lead2Lille.id, stage: 'ideation' });
    const amiens = await managerAmiens.post('/api/v1/projects').send({ name: 'Covoiturage rural' }).expect(201);
    expect(amiens.body.code).toBe(`AMI-${year}-001`);

    const read = await lead.get(`/api/v1/projects/${first.body.id}`).expect(200);
    expect(read.body).toEqual(first.body);
    expect(await count(`SELECT count(*) FROM audit_event WHERE action = 'create' AND entity_type = 'project' AND entity_id = $1`, [first.body.id])).toBe(1);
  });

  it('numbers concurrent creations without a gap or a duplicate', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => manager.post('/api/v1/projects').send({ name: `Projet parallèle ${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const numbers = results.map((r) => Number(r.body.code.split('-')[2])).sort((a, b) => a - b);
    expect(numbers).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('refuses a lead of another lab, a lead chosen by a project lead, and creation by a director or an admin', async () => {
    await manager.post('/api/v1/projects').send({ name: 'X', leadId: tenants.leadAmiens.id }).expect(400);
    await lead.post('/api/v1/projects').send({ name: 'X', leadId: tenants.lead2Lille.id }).expect(403);
    await directorHdf.post('/api/v1/projects').send({ name: 'X' }).expect(403);
    await admin.post('/api/v1/projects').send({ name: 'X' }).expect(403);
    expect(await count(`SELECT count(*) FROM project WHERE name = 'X'`)).toBe(0);
  });

  it('shows a project to its lab and its region only', async () => {
    const [project] = await t.dataSource.query(`SELECT id FROM project WHERE lab_id = $1 LIMIT 1`, [tenants.lille.id]);
    await directorHdf.get(`/api/v1/projects/${project.id}`).expect(200);
    await managerAmiens.get(`/api/v1/projects/${project.id}`).expect(404);
    await directorGe.get(`/api/v1/projects/${project.id}`).expect(404);
    await admin.get(`/api/v1/projects/${project.id}`).expect(403);
    await t.http().get(`/api/v1/projects/${project.id}`).expect(401);
    const page = await directorGe.get('/api/v1/projects').expect(200);
    expect(page.body).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
    const region = await directorHdf.get('/api/v1/projects?pageSize=200').expect(200);
    expect(new Set(region.body.items.map((p: { labCode: string }) => p.labCode))).toEqual(new Set(['LIL', 'AMI']));
    const otherLab = await manager.get(`/api/v1/projects?lab=${tenants.amiens.id}`).expect(200);
    expect(otherLab.body.total).toBe(0);
  });

  it('filters, searches without case or accents, sorts and pages', async () => {
    const bySearch = await manager.get('/api/v1/projects?q=EPICERIE').expect(200);
    expect(bySearch.body.items.map((p: { name: string }) => p.name)).toEqual(['Épicerie solidaire mobile']);
    expect((await manager.get('/api/v1/projects?q=cambresis').expect(200)).body.total).toBe(1);
    expect((await manager.get(`/api/v1/projects?q=LIL-${year}-002`).expect(200)).body.items[0].name).toBe('Médiation numérique en CCAS');
    expect((await manager.get('/api/v1/projects?q=100%25').expect(200)).body.total).toBe(0);

    const byStage = await manager.get('/api/v1/projects?stage=ideation&stage=prototyping').expect(200);
    expect(byStage.body.items.map((p: { name: string }) => p.name)).toEqual(['Médiation numérique en CCAS']);
    expect((await manager.get('/api/v1/projects?theme=alimentation_durable&department=59').expect(200)).body.total).toBe(1);
    expect((await manager.get(`/api/v1/projects?lead=${tenants.lead2Lille.id}`).expect(200)).body.total).toBe(1);
    expect((await manager.get('/api/v1/projects?status=stopped').expect(200)).body.total).toBe(0);
    expect((await manager.get('/api/v1/projects?health=green').expect(200)).body.total).toBe(10);

    const byCode = await manager.get('/api/v1/projects?sort=code&pageSize=3&page=2').expect(200);
    expect(byCode.body).toMatchObject({ total: 10, page: 2, pageSize: 3 });
    expect(byCode.body.items.map((p: { code: string }) => p.code)).toEqual([4, 5, 6].map((n) => `LIL-${year}-00${n}`));
    const byName = await manager.get('/api/v1/projects?sort=-name&pageSize=1').expect(200);
    expect(byName.body.items[0].name).toBe('Projet parallèle 7');
    const latest = await manager.get('/api/v1/projects?pageSize=1').expect(200);
    const all = (await manager.get('/api/v1/projects?pageSize=200&sort=updatedAt').expect(200)).body.items;
    expect(latest.body.items[0].id).toBe(all[all.length - 1].id);
  });

  it('updates with the version it was based on; a stale version is a 409 with the current record', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM project WHERE name = 'Épicerie solidaire mobile'`);
    const updated = await lead.patch(`/api/v1/projects/${id}`).send({ version: 1, health: 'amber', healthComment: 'Véhicule en panne', communes: ['59122'] }).expect(200);
    expect(updated.body).toMatchObject({ version: 2, health: 'amber', healthComment: 'Véhicule en panne', communes: ['59122'], name: 'Épicerie solidaire mobile' });
    const stale = await manager.patch(`/api/v1/projects/${id}`).send({ version: 1, name: 'Écrasé' }).expect(409);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stale.body.current).toEqual(updated.body);
    expect((await lead.get(`/api/v1/projects/${id}`).expect(200)).body.name).toBe('Épicerie solidaire mobile');

    const audit = await t.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'update' AND entity_id = $1`, [id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ version: 1, health: 'green' });
    expect(audit[0].after).toMatchObject({ version: 2, health: 'amber' });
  });

  it('lets only the lead of a project or its lab manager edit it, and only the manager change the lead', async () => {
    const [{ id, version }] = await t.dataSource.query(`SELECT id, version FROM project WHERE name = 'Épicerie solidaire mobile'`);
    await lead2.patch(`/api/v1/projects/${id}`).send({ version, name: 'Pas le mien' }).expect(403);
    await directorHdf.patch(`/api/v1/projects/${id}`).send({ version, name: 'Direction' }).expect(403);
    await managerAmiens.patch(`/api/v1/projects/${id}`).send({ version, name: 'Amiens' }).expect(404);
    await lead.patch(`/api/v1/projects/${id}`).send({ version, leadId: tenants.lead2Lille.id }).expect(403);
    const reassigned = await manager.patch(`/api/v1/projects/${id}`).send({ version, leadId: tenants.lead2Lille.id }).expect(200);
    expect(reassigned.body).toMatchObject({ leadId: tenants.lead2Lille.id, leadName: tenants.lead2Lille.displayName, version: version + 1 });
    await lead.patch(`/api/v1/projects/${id}`).send({ version: version + 1, name: 'Plus le mien' }).expect(403);
  });

  it('archives on DELETE (lab managers); archived projects leave the list unless a manager asks', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM project WHERE name = 'Projet parallèle 0'`);
    await lead.delete(`/api/v1/projects/${id}`).expect(403);
    const archived = await manager.delete(`/api/v1/projects/${id}`).expect(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const names = async (url: string) => (await manager.get(url).expect(200)).body.items.map((p: { name: string }) => p.name);
    expect(await names('/api/v1/projects?q=parallele&pageSize=200')).not.toContain('Projet parallèle 0');
    expect(await names('/api/v1/projects?q=parallele&archived=true&pageSize=200')).toContain('Projet parallèle 0');
    await lead.get('/api/v1/projects?archived=true').expect(403);
    await manager.patch(`/api/v1/projects/${id}`).send({ version: archived.body.version, name: 'Revenant' }).expect(409);
    expect(await count(`SELECT count(*) FROM project WHERE id = $1`, [id])).toBe(1);
  });

  it('searches every word, in any order, without case or accents', async () => {
    const created = await manager.post('/api/v1/projects').send({ name: 'Médiation numérique en bibliothèque', summary: 'Des ateliers à Fives' }).expect(201);
    const found = async (q: string) =>
      (await manager.get('/api/v1/projects').query({ q, pageSize: 200 }).expect(200)).body.items.map((p: { name: string }) => p.name).sort();

    expect(await found('bibliotheque mediation')).toEqual(['Médiation numérique en bibliothèque']);
    expect(await found('  BIBLIOTHÈQUE   Médiation ')).toEqual(['Médiation numérique en bibliothèque']);
    // A word may come from the code, the name or the summary.
    expect(await found(`ateliers ${created.body.code} mediation`)).toEqual(['Médiation numérique en bibliothèque']);
    expect(await found('mediation numerique')).toEqual(['Médiation numérique en CCAS', 'Médiation numérique en bibliothèque']);
    expect(await found('mediation ccas')).toEqual(['Médiation numérique en CCAS']);
    // Every word must match: one missing word leaves the project out.
    expect(await found('bibliotheque ccas')).toEqual([]);
    // Wildcards are characters like any other.
    expect(await found('mediation %')).toEqual([]);
    expect(await found('mediation _')).toEqual([]);

    const tooMany = await manager.get('/api/v1/projects').query({ q: 'un deux trois quatre cinq six sept huit neuf' }).expect(400);
    expect(tooMany.body.errors).toEqual([{ field: 'q', code: 'searchWords', message: 'La recherche compte au plus 8 mots.' }]);
  });

  it('lists the themes with their French labels', async () => {
    const themes = await lead.get('/api/v1/themes').expect(200);
    expect(themes.body).toContainEqual({ code: 'inclusion_numerique', label: 'Inclusion numérique' });
    expect(themes.body).toHaveLength(10);
  });

  it('lists a project as the project itself reads, without its long texts and the facts no list shows', async () => {
    const created = await manager
      .post('/api/v1/projects')
      .send({ name: 'Tiers-lieu des Weppes', summary: 'Un lieu partagé. '.repeat(200), healthComment: 'Bail à signer', health: 'amber', isPublic: true })
      .expect(201);
    const full = (await manager.get(`/api/v1/projects/${created.body.id}`).expect(200)).body;
    const listed = (await manager.get(`/api/v1/projects?q=${encodeURIComponent('Tiers-lieu des Weppes')}`).expect(200)).body.items;
    expect(listed).toHaveLength(1);
    const omitted = ['summary', 'statusReason', 'healthComment', 'communes', 'isPublic', 'createdAt'];
    expect(Object.keys(listed[0]).sort()).toEqual(Object.keys(full).filter((key) => !omitted.includes(key)).sort());
    for (const key of Object.keys(listed[0])) expect([key, listed[0][key]]).toEqual([key, full[key]]);
    expect(full).toMatchObject({ communes: [], healthComment: 'Bail à signer', isPublic: true });
    expect(full.summary).toHaveLength(3400);
  });

  it('starts a project in co_design unless a lab manager creates it further along', async () => {
    const snapshot = async () => ({
      projects: await count(`SELECT count(*) FROM project WHERE lab_id = $1`, [tenants.lille.id]),
      transitions: await count(`SELECT count(*) FROM stage_transition`),
      audit: await count(`SELECT count(*) FROM audit_event WHERE action = 'create' AND entity_type = 'project'`),
      counter: await count(`SELECT coalesce(sum(last_value), 0) AS count FROM project_code_counter WHERE lab_id = $1`, [tenants.lille.id]),
    });
    const before = await snapshot();
    for (const stage of ['ideation', 'prototyping', 'incubation', 'scale_up']) {
      const refused = await lead.post('/api/v1/projects').send({ name: 'Projet déjà incubé', stage }).expect(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 403, errors: [{ field: 'stage', code: 'coDesignOnly' }] });
      expect(refused.body.detail).toMatch(/Co-design/);
      expect(refused.body.errors[0].message).toMatch(/responsable du lab/);
    }
    expect(await snapshot()).toEqual(before);

    const explicit = await lead.post('/api/v1/projects').send({ name: 'Atelier vélo partagé', stage: 'co_design' }).expect(201);
    expect(explicit.body).toMatchObject({ stage: 'co_design', leadId: tenants.leadLille.id });
    const implicit = await lead.post('/api/v1/projects').send({ name: 'Jardin de quartier' }).expect(201);
    expect(implicit.body.stage).toBe('co_design');
    const further = await manager.post('/api/v1/projects').send({ name: 'Recyclerie reprise', stage: 'incubation' }).expect(201);
    expect(further.body.stage).toBe('incubation');
    const history = await t.dataSource.query(`SELECT from_stage, to_stage FROM stage_transition WHERE project_id = $1`, [further.body.id]);
    expect(history).toEqual([{ from_stage: null, to_stage: 'incubation' }]);
  });
});
