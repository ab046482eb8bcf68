import { randomUUID } from 'node:crypto';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { insertProject } from './project-fixture';

describe('Milestones', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let otherLead: Session;
  let director: Session;
  let project: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead, otherLead, director] = await Promise.all([
      signIn(t, tenants.managerLille.email),
      signIn(t, tenants.leadLille.email),
      signIn(t, tenants.lead2Lille.email),
      signIn(t, tenants.directorHdf.email),
    ]);
    project = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id, stage: 'prototyping' });
  });

  afterAll(async () => {
    await t.close();
  });

  const count = async (sql = 'SELECT count(*)::int AS n FROM milestone') => (await t.dataSource.query(sql))[0].n as number;

  it('logs a milestone in the project’s current stage, then reads it back', async () => {
    const res = await lead
      .post(`/api/v1/projects/${project.id}/milestones`)
      .send({ title: 'Atelier usagers à Roubaix', kind: 'workshop', dueOn: '2030-03-12', participantCount: 18, evidenceUrl: 'https://pad.lab.fr/cr-atelier' })
      .expect(201);
    expect(res.body).toMatchObject({
      projectId: project.id,
      title: 'Atelier usagers à Roubaix',
      kind: 'workshop',
      stage: 'prototyping',
      dueOn: '2030-03-12',
      status: 'planned',
      completedOn: null,
      late: false,
      participantCount: 18,
      version: 1,
    });
    const list = await director.get(`/api/v1/projects/${project.id}/milestones`).expect(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(res.body.id);
  });

  it('completes and cancels through PATCH with the version, and answers a stale version with 409 and the current record', async () => {
    const created = await manager.post(`/api/v1/projects/${project.id}/milestones`).send({ title: 'Livrable : cahier des charges', kind: 'deliverable', dueOn: '2026-01-15' }).expect(201);
    expect(created.body.late).toBe(true);
    const done = await manager.patch(`/api/v1/milestones/${created.body.id}`).send({ version: 1, status: 'done', completedOn: '2026-01-20' }).expect(200);
    expect(done.body).toMatchObject({ status: 'done', completedOn: '2026-01-20', late: false, version: 2 });
    const stale = await manager.patch(`/api/v1/milestones/${created.body.id}`).send({ version: 1, status: 'cancelled' }).expect(409);
    expect(stale.body.current).toMatchObject({ id: created.body.id, status: 'done', version: 2 });
    const cancelled = await manager.patch(`/api/v1/milestones/${created.body.id}`).send({ version: 2, status: 'cancelled' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', completedOn: null, version: 3 });
    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_type = 'milestone' AND entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'complete', 'cancel']);
  });

  it('lists a lab’s milestones overdue first, and only overdue ones on request', async () => {
    const p = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    const late = await manager.post(`/api/v1/projects/${p.id}/milestones`).send({ title: 'Décision du comité', kind: 'decision', dueOn: '2025-06-01' }).expect(201);
    await manager.post(`/api/v1/projects/${p.id}/milestones`).send({ title: 'Formation des agents', kind: 'training', dueOn: '2031-01-01' }).expect(201);
    const all = await manager.get(`/api/v1/milestones?lab=${tenants.lille.id}&pageSize=200`).expect(200);
    const firstOnTime = all.body.items.findIndex((m: { late: boolean }) => !m.late);
    const lastLate = all.body.items.map((m: { late: boolean }) => m.late).lastIndexOf(true);
    expect(lastLate).toBeLessThan(firstOnTime);
    expect(all.body.total).toBe(all.body.items.length);
    const overdue = await director.get(`/api/v1/milestones?overdue=true`).expect(200);
    expect(overdue.body.items.length).toBeGreaterThan(0);
    expect(overdue.body.items.every((m: { late: boolean }) => m.late)).toBe(true);
    expect(overdue.body.items.map((m: { id: string }) => m.id)).toContain(late.body.id);
  });

  it('leaves the milestones of an archived project out of the lab’s lists and counts, and lists them again when it is brought back', async () => {
    const p = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    const late = await manager.post(`/api/v1/projects/${p.id}/milestones`).send({ title: 'Comité de suivi', kind: 'decision', dueOn: '2025-09-01' }).expect(201);
    const listed = async (query: string) => {
      const res = await manager.get(`/api/v1/milestones?${query}&pageSize=200`).expect(200);
      return { total: res.body.total as number, ids: res.body.items.map((m: { id: string }) => m.id) as string[] };
    };
    const [overdue, all] = [await listed('overdue=true'), await listed('overdue=false')];
    expect(overdue.ids).toContain(late.body.id);

    await manager.delete(`/api/v1/projects/${p.id}`).expect(200);
    const archived = await listed('overdue=true');
    expect(archived.ids).not.toContain(late.body.id);
    expect(archived.total).toBe(overdue.total - 1);
    // Written straight into the database (a script, an import), a milestone of the archived project is left out too.
    await t.dataSource.query(
      `INSERT INTO milestone (project_id, lab_id, title, kind, stage, due_on, status) VALUES ($1, $2, 'Saisie directe', 'decision', 'ideation', '2025-10-01', 'planned')`,
      [p.id, p.labId],
    );
    expect((await listed('overdue=true')).total).toBe(overdue.total - 1);
    expect((await listed('overdue=false')).total).toBe(all.total);

    // Restored by its lab manager, the project's milestones are listed again.
    const current = await manager.get(`/api/v1/projects/${p.id}`).expect(200);
    await manager.post(`/api/v1/projects/${p.id}/restore`).send({ version: current.body.version }).expect(200);
    const restored = await listed('overdue=true');
    expect(restored.total).toBe(overdue.total + 1);
    expect(restored.ids).toContain(late.body.id);
  });

  it('filters the lab’s list by owner, stage, due and completion dates; done ones most recently done first', async () => {
    const p = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id, stage: 'incubation' });
    const log = (body: object) => manager.post(`/api/v1/projects/${p.id}/milestones`).send(body).expect(201);
    const mine = await log({ title: 'Jalon filtré : atelier', kind: 'workshop', dueOn: '2031-04-10', ownerId: tenants.lead2Lille.id, stage: 'ideation' });
    const other = await log({ title: 'Jalon filtré : livrable', kind: 'deliverable', dueOn: '2031-05-20' });
    const doneEarly = await log({ title: 'Jalon filtré : décision', kind: 'decision', dueOn: '2025-02-01', status: 'done', completedOn: '2025-02-03' });
    const doneLate = await log({ title: 'Jalon filtré : formation', kind: 'training', dueOn: '2025-03-01', status: 'done', completedOn: '2025-03-15' });
    const ids = async (query: string) => {
      const res = await lead.get(`/api/v1/milestones?project=${p.id}&${query}`).expect(200);
      expect(res.body.total).toBe(res.body.items.length);
      return res.body.items.map((m: { id: string }) => m.id) as string[];
    };
    expect(await ids(`owner=${tenants.lead2Lille.id}`)).toEqual([mine.body.id]);
    expect(await ids('stage=ideation')).toEqual([mine.body.id]);
    expect(await ids('stage=incubation&status=planned')).toEqual([other.body.id]);
    expect(await ids('dueFrom=2031-04-10&dueTo=2031-04-30')).toEqual([mine.body.id]);
    expect(await ids('dueFrom=2031-04-11')).toEqual([other.body.id]);
    expect(await ids('status=done')).toEqual([doneLate.body.id, doneEarly.body.id]);
    expect(await ids('status=done&completedFrom=2025-03-01&completedTo=2025-03-15')).toEqual([doneLate.body.id]);
    // Upcoming: planned and not overdue.
    expect(await ids('status=planned&overdue=false')).toEqual([mine.body.id, other.body.id]);
    await manager.get('/api/v1/milestones?dueFrom=2031-02-30').expect(400);
    await manager.get('/api/v1/milestones?stage=launch').expect(400);
    await manager.get('/api/v1/milestones?owner=moi').expect(400);
  });

  it('names the people who may own a milestone: active leads and managers of the caller’s labs', async () => {
    const names = async (session: Session, query = '') =>
      ((await session.get(`/api/v1/milestone-owners${query}`).expect(200)).body as { displayName: string; labId: string }[]);
    const lille = await names(lead);
    expect(lille.map((o) => o.displayName)).toEqual(expect.arrayContaining([tenants.leadLille.displayName, tenants.lead2Lille.displayName, tenants.managerLille.displayName]));
    expect(lille.every((o) => o.labId === tenants.lille.id)).toBe(true);
    expect(Object.keys(lille[0]).sort()).toEqual(['displayName', 'id', 'labId']);
    const region = await names(director);
    expect(region.some((o) => o.labId === tenants.amiens.id)).toBe(true);
    expect(region.some((o) => o.labId === tenants.nancy.id)).toBe(false);
    expect((await names(director, `?lab=${tenants.amiens.id}`)).every((o) => o.labId === tenants.amiens.id)).toBe(true);
    expect(await names(lead, `?lab=${tenants.amiens.id}`)).toEqual([]);
    const admin = await signIn(t, tenants.admin.email);
    await admin.get('/api/v1/milestone-owners').expect(403);
    await t.http().get('/api/v1/milestone-owners').expect(401);
  });

  it('keeps other labs out: 404 for a project or milestone of another lab, empty lab list', async () => {
    const nancy = await signIn(t, tenants.managerNancy.email);
    await nancy.get(`/api/v1/projects/${project.id}/milestones`).expect(404);
    await nancy.post(`/api/v1/projects/${project.id}/milestones`).send({ title: 'x', kind: 'decision', dueOn: '2030-01-01' }).expect(404);
    const [m] = await t.dataSource.query(`SELECT id FROM milestone LIMIT 1`);
    await nancy.get(`/api/v1/milestones/${m.id}`).expect(404);
    await nancy.patch(`/api/v1/milestones/${m.id}`).send({ version: 1, title: 'volé' }).expect(404);
    const list = await nancy.get(`/api/v1/milestones?lab=${tenants.lille.id}`).expect(200);
    expect(list.body.total).toBe(0);
  });

  it('lets a lead log milestones only on projects they lead; a director changes nothing; an admin reads nothing', async () => {
    const before = await count();
    await otherLead.post(`/api/v1/projects/${project.id}/milestones`).send({ title: 'x', kind: 'decision', dueOn: '2030-01-01' }).expect(403);
    await director.post(`/api/v1/projects/${project.id}/milestones`).send({ title: 'x', kind: 'decision', dueOn: '2030-01-01' }).expect(403);
    const admin = await signIn(t, tenants.admin.email);
    await admin.get(`/api/v1/projects/${project.id}/milestones`).expect(403);
    await admin.get(`/api/v1/milestones`).expect(403);
    await t.http().get(`/api/v1/milestones`).expect(401);
    expect(await count()).toBe(before);
  });

  it('refuses an owner outside the project’s lab', async () => {
    const res = await manager
      .post(`/api/v1/projects/${project.id}/milestones`)
      .send({ title: 'x', kind: 'decision', dueOn: '2030-01-01', ownerId: tenants.leadNancy.id })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['ownerId']);
  });

  describe('Idempotency-Key', () => {
    const body = { title: 'Test utilisateurs du prototype', kind: 'user_test', dueOn: '2030-05-20' };

    it('answers a sequential retry with the stored response and creates one milestone', async () => {
      const key = randomUUID();
      const before = await count();
      const first = await lead.post(`/api/v1/projects/${project.id}/milestones`).set('Idempotency-Key', key).send(body).expect(201);
      const second = await lead.post(`/api/v1/projects/${project.id}/milestones`).set('Idempotency-Key', key).send({ dueOn: body.dueOn, kind: body.kind, title: body.title }).expect(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await count()).toBe(before + 1);
    });

    it('creates one milestone when ten retries race', async () => {
      const key = randomUUID();
      const before = await count();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => lead.post(`/api/v1/projects/${project.id}/milestones`).set('Idempotency-Key', key).send(body)),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(await count()).toBe(before + 1);
      const audited = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'milestone' AND entity_id = $1`, [responses[0].body.id]);
      expect(audited[0].n).toBe(1);
    });

    it('answers the same key with another body with 422 and writes nothing', async () => {
      const key = randomUUID();
      await lead.post(`/api/v1/projects/${project.id}/milestones`).set('Idempotency-Key', key).send(body).expect(201);
      const before = await count();
      const res = await lead.post(`/api/v1/projects/${project.id}/milestones`).set('Idempotency-Key', key).send({ ...body, title: 'Autre chose' }).expect(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(await count()).toBe(before);
    });

    it('keeps keys per person: the same key from someone else is a new request', async () => {
      const key = randomUUID();
      const before = await count();
      const mine = await lead.post(`/api/v1/projects/${project.id}/milestones`).set('Idempotency-Key', key).send(body).expect(201);
      const theirs = await manager.post(`/api/v1/projects/${project.id}/milestones`).set('Idempotency-Key', key).send(body).expect(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
      expect(await count()).toBe(before + 2);
    });

    it('does not keep the key of a refused request', async () => {
      const key = randomUUID();
      await lead.post(`/api/v1/projects/${project.id}/milestones`).set('Idempotency-Key', key).send({ ...body, kind: 'decision', participantCount: 4 }).expect(400);
      const ok = await lead.post(`/api/v1/projects/${project.id}/milestones`).set('Idempotency-Key', key).send(body).expect(201);
      expect(ok.headers['idempotent-replayed']).toBeUndefined();
    });
  });
});
