import type { AuditEvent } from '@sillon/contracts';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const fields = (body: { errors?: { field: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.field))].sort();

// The lab's journal (GET /api/v1/audit): every kind of record, filtered by person, kind, action and
// days in Paris, paged; a lab manager reads their own lab's only.
describe('the lab journal', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let managerAmiens: Session;

  // Events dated in the past, written as the trail's owner would (the trail is append-only).
  const insertEvent = async (occurredAt: string, action: string, entityType: string, actor: { id: string; email: string }, labId: string) => {
    await t.dataSource.query(
      `INSERT INTO audit_event (occurred_at, actor_id, actor_email, action, entity_type, entity_id, lab_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [occurredAt, actor.id, actor.email, action, entityType, `journal-${occurredAt}`, labId],
    );
  };
  const list = async (session: Session, query: string) => (await session.get(`/api/v1/audit?${query}`).expect(200)).body as { items: AuditEvent[]; total: number };

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, managerAmiens] = await Promise.all([signIn(t, tenants.managerLille.email), signIn(t, tenants.managerAmiens.email)]);
    // 14 March 23:30 UTC is already 15 March in Paris; 31 March 21:59 UTC is the last minute of 31 March there.
    await insertEvent('2026-03-14T22:59:00Z', 'update', 'contact', tenants.managerLille, tenants.lille.id);
    await insertEvent('2026-03-14T23:30:00Z', 'create', 'organisation', tenants.managerLille, tenants.lille.id);
    await insertEvent('2026-03-20T10:00:00Z', 'create', 'milestone', tenants.leadLille, tenants.lille.id);
    await insertEvent('2026-03-31T21:59:00Z', 'transition', 'project', tenants.leadLille, tenants.lille.id);
    await insertEvent('2026-03-31T22:01:00Z', 'update', 'project', tenants.leadLille, tenants.lille.id);
    await insertEvent('2026-03-20T10:00:00Z', 'create', 'milestone', tenants.leadAmiens, tenants.amiens.id);
  });

  afterAll(async () => {
    await t.close();
  });

  it('reads every kind of record of the lab, newest first', async () => {
    const org = await manager.post('/api/v1/organisations').send({ name: 'Régie de quartier', type: 'association' }).expect(201);
    await manager.post('/api/v1/contacts').send({ organisationId: org.body.id, fullName: 'Nadia Haddad', email: 'nadia@regie.example.fr' }).expect(201);
    const all = await list(manager, 'pageSize=200');
    const kinds = new Set(all.items.map((e) => e.entityType));
    for (const kind of ['organisation', 'contact', 'milestone', 'project', 'session']) expect(kinds).toContain(kind);
    expect(all.items.every((e) => e.labId === tenants.lille.id)).toBe(true);
    expect(all.items[0]).toMatchObject({ entityType: 'contact', action: 'create', actorId: tenants.managerLille.id });
    const dates = all.items.map((e) => e.occurredAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters by person, kind and action', async () => {
    const byLead = await list(manager, `actor=${tenants.leadLille.id}&from=2026-01-01&to=2026-12-31`);
    expect(byLead.items.map((e) => e.action)).toEqual(['update', 'transition', 'create']);
    const projects = await list(manager, `entity=project&actor=${tenants.leadLille.id}`);
    expect(projects.items.map((e) => e.entityType)).toEqual(['project', 'project']);
    const updates = await list(manager, 'action=update&from=2026-03-01&to=2026-03-31');
    expect(updates.items.map((e) => e.entityType)).toEqual(['contact']);
    // Another lab's person is nobody in this lab's trail.
    expect((await list(manager, `actor=${tenants.leadAmiens.id}`)).total).toBe(0);
  });

  it('takes dates as whole days in Paris, both ends included', async () => {
    const march15 = await list(manager, 'from=2026-03-15&to=2026-03-15');
    expect(march15.items.map((e) => e.entityType)).toEqual(['organisation']);
    const march14 = await list(manager, 'from=2026-03-14&to=2026-03-14');
    expect(march14.items.map((e) => e.entityType)).toEqual(['contact']);
    const lastOfMarch = await list(manager, 'from=2026-03-31&to=2026-03-31');
    expect(lastOfMarch.items.map((e) => e.action)).toEqual(['transition']);
    const april = await list(manager, 'from=2026-04-01&to=2026-04-01');
    expect(april.items.map((e) => e.action)).toEqual(['update']);
  });

  it('pages the trail', async () => {
    const first = await list(manager, 'from=2026-03-01&to=2026-04-30&pageSize=2');
    const second = await list(manager, 'from=2026-03-01&to=2026-04-30&pageSize=2&page=2');
    expect(first.total).toBe(5);
    expect(second.total).toBe(5);
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(4);
  });

  it('names each bad filter in a 400', async () => {
    const res = await manager
      .get('/api/v1/audit?actor=quelqu-un&entity=Projet!&action=DROP TABLE&from=2026-02-30&to=31/03/2026&pageSize=500&page=0')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(res.body)).toEqual(['action', 'actor', 'entity', 'from', 'page', 'pageSize', 'to']);
    const reversed = await manager.get('/api/v1/audit?from=2026-04-01&to=2026-03-01').expect(400);
    expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'dateOrder' })]);
  });

  it('is the lab manager’s: another lab is not found, other roles are refused', async () => {
    await manager.get(`/api/v1/audit?lab=${tenants.amiens.id}`).expect(404);
    const amiens = await list(managerAmiens, 'from=2026-03-01&to=2026-03-31');
    expect(amiens.items.map((e) => e.actorId)).toEqual([tenants.leadAmiens.id]);
    const [lead, director] = await Promise.all([signIn(t, tenants.leadLille.email), signIn(t, tenants.directorHdf.email)]);
    await lead.get('/api/v1/audit').expect(403);
    await director.get('/api/v1/audit').expect(403);
  });
});
