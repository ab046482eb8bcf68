import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// The pipeline summary reads the counts a trigger on project maintains (migration PipelineCounts):
// after every kind of change, they must equal a count of the non-archived projects themselves.
describe('the maintained pipeline counts', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let director: Session;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, director] = await Promise.all([tenants.managerLille, tenants.directorHdf].map((u) => signIn(t, u.email)));
  });

  afterAll(async () => {
    await t.close();
  });

  const expectCountsMatchProjects = async () => {
    const counted = await t.dataSource.query(
      `SELECT lab_id, stage, status, count(*)::int AS count FROM project WHERE archived_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    const maintained = await t.dataSource.query(`SELECT lab_id, stage, status, count FROM pipeline_count WHERE count <> 0 ORDER BY 1, 2, 3`);
    expect(maintained).toEqual(counted);
    const [{ negative }] = await t.dataSource.query(`SELECT count(*)::int AS negative FROM pipeline_count WHERE count < 0`);
    expect(negative).toBe(0);
  };
  const create = async (name: string) => (await manager.post('/api/v1/projects').send({ name }).expect(201)).body.id as string;
  const transition = (id: string, body: Record<string, unknown>) => manager.post(`/api/v1/projects/${id}/transitions`).send(body);
  const labSummary = async () => (await manager.get('/api/v1/pipeline/summary').expect(200)).body;

  it('follows creations, stage moves, status changes, archiving, a change of lab and a deletion', async () => {
    const ids = await Promise.all(['Guichet mobile', 'Cantine partagée', 'Atelier vélo', 'Tiers-lieu rural'].map(create));
    await expectCountsMatchProjects();
    expect((await labSummary()).byStage.co_design).toBe(4);

    await transition(ids[0], { to: 'prototyping', rationale: 'Pistes déjà testées.', unmetReason: 'Reprise d’un projet voisin.' }).expect(201);
    await transition(ids[1], { to: 'ideation', rationale: 'Besoin formulé.', unmetReason: 'Critères en cours de rédaction.' }).expect(201);
    await transition(ids[0], { to: 'ideation', rationale: 'Prototype à revoir.' }).expect(201);
    await transition(ids[2], { status: 'on_hold', rationale: 'Financement attendu.' }).expect(201);
    await expectCountsMatchProjects();
    const summary = await labSummary();
    expect(summary.byStage).toEqual({ co_design: 2, ideation: 2, prototyping: 0, incubation: 0, scale_up: 0 });
    expect(summary.cells).toContainEqual({ stage: 'co_design', status: 'on_hold', count: 1 });

    await manager.delete(`/api/v1/projects/${ids[3]}`).expect(200);
    await expectCountsMatchProjects();
    expect((await labSummary()).total).toBe(3);

    // Not API operations, but the counts must follow whatever changes the table.
    await t.dataSource.query(`UPDATE project SET lab_id = $2 WHERE id = $1`, [ids[1], tenants.amiens.id]);
    await expectCountsMatchProjects();
    await t.dataSource.query(`UPDATE project SET archived_at = NULL WHERE id = $1`, [ids[3]]);
    await expectCountsMatchProjects();
    await t.dataSource.query(`DELETE FROM stage_transition WHERE project_id = $1`, [ids[3]]);
    await t.dataSource.query(`DELETE FROM project WHERE id = $1`, [ids[3]]);
    await expectCountsMatchProjects();
    const region = (await director.get(`/api/v1/pipeline/summary?region=${tenants.hdf.id}`).expect(200)).body;
    expect(region.total).toBe(3);
  });

  it('stays exact when many projects move at once in opposite directions', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => create(`Projet concurrent ${i}`)));
    await Promise.all(ids.map((id) => transition(id, { to: 'ideation', rationale: 'Étape suivante.', unmetReason: 'Test.' }).expect(201)));
    // Half go forward and half go back, together: the counts of both stages change in every request.
    const results = await Promise.all(
      ids.map((id, i) =>
        i % 2 ? transition(id, { to: 'co_design', rationale: 'Retour au besoin.' }) : transition(id, { to: 'prototyping', rationale: 'Suite.', unmetReason: 'Test.' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 201));
    await expectCountsMatchProjects();
  });
});
