import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('lost updates', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    manager = await signIn(t, tenants.managerLille.email);
    // One listening server for all requests (supertest would otherwise open one per request).
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await t.close();
  });

  it('50 concurrent PATCHes on the same version: exactly one wins, 49 get 409, the version rises by one', async () => {
    const created = await manager.post('/api/v1/projects').send({ name: 'Tiers-lieu nourricier', summary: 'Version initiale' }).expect(201);
    const id = created.body.id;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => manager.patch(`/api/v1/projects/${id}`).send({ version: 1, summary: `Rédaction n° ${i}`, healthComment: `auteur ${i}` })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);

    const [winner] = responses.filter((r) => r.status === 200);
    const final = await manager.get(`/api/v1/projects/${id}`).expect(200);
    expect(final.body.version).toBe(2);
    expect(final.body.summary).toBe(winner.body.summary);
    expect(final.body.healthComment).toBe(winner.body.healthComment);
    expect(final.body).toEqual(winner.body);
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect(loser.body.current.version).toBeGreaterThanOrEqual(1);
      expect(loser.body.type).toBe('urn:sillon:problem:stale_version');
    }
    const audits = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'update' AND entity_id = $1`, [id]);
    expect(audits[0].n).toBe(1);
  });
});
