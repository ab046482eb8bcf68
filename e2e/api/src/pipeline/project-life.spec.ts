import { STAGES } from '@sillon/contracts';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('the life of a project through the pipeline', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let lead2: Session;
  let director: Session;
  let managerAmiens: Session;
  const criteria: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead, lead2, director, managerAmiens] = await Promise.all(
      [tenants.managerLille, tenants.leadLille, tenants.lead2Lille, tenants.directorHdf, tenants.managerAmiens].map((u) => signIn(t, u.email)),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const lille = () => `/api/v1/labs/${tenants.lille.id}/gate-criteria`;

  it('lets the lab manager define the gate criteria of each stage; the lab and its region read them', async () => {
    const labels: Record<string, string[]> = {
      co_design: ['Usagers et usagères identifiés', 'Besoin formulé avec eux'],
      ideation: ['Pistes de solution comparées'],
      prototyping: ['Prototype testé avec au moins 5 personnes', 'Retours documentés'],
      incubation: ['Financement de la phase suivante acquis'],
    };
    for (const [stage, list] of Object.entries(labels)) {
      const res = await manager.put(`${lille()}/${stage}`).send({ criteria: list.map((label) => ({ label })) }).expect(200);
      expect(res.body.map((c: { label: string }) => c.label)).toEqual(list);
      criteria[stage] = res.body.map((c: { id: string }) => c.id);
    }
    await lead.put(`${lille()}/ideation`).send({ criteria: [] }).expect(403);
    await director.put(`${lille()}/ideation`).send({ criteria: [] }).expect(403);
    await managerAmiens.put(`${lille()}/ideation`).send({ criteria: [] }).expect(404);
    await managerAmiens.get(lille()).expect(404);
    const read = await director.get(`${lille()}?stage=prototyping`).expect(200);
    expect(read.body.map((c: { id: string }) => c.id)).toEqual(criteria['prototyping']);
    expect((await lead.get(lille()).expect(200)).body).toHaveLength(6);

    // Replacing keeps the ids given, renames them, adds the new ones and retires the others.
    const [keep, drop] = criteria['co_design'];
    const replaced = await manager
      .put(`${lille()}/co_design`)
      .send({ criteria: [{ label: 'Atelier de lancement tenu' }, { id: keep, label: 'Usagers identifiés' }] })
      .expect(200);
    expect(replaced.body.map((c: { id: string; label: string; position: number }) => [c.label, c.position])).toEqual([
      ['Atelier de lancement tenu', 0],
      ['Usagers identifiés', 1],
    ]);
    expect(replaced.body[1].id).toBe(keep);
    expect(replaced.body.map((c: { id: string }) => c.id)).not.toContain(drop);
    criteria['co_design'] = replaced.body.map((c: { id: string }) => c.id);
  });

  it('goes through all five stages, then scales, and reads its dated history back', async () => {
    const created = await lead.post('/api/v1/projects').send({ name: 'Cantine zéro déchet', themes: ['alimentation_durable'] }).expect(201);
    const id = created.body.id;
    const url = `/api/v1/projects/${id}/transitions`;

    // The lead moves their own project forward one stage when every criterion is met.
    const first = await lead.post(url).send({ to: 'ideation', rationale: 'Les ateliers ont confirmé le besoin.', criteriaMet: criteria['co_design'] }).expect(201);
    expect(first.body.project).toMatchObject({ stage: 'ideation', status: 'active', version: 2 });
    expect(first.body.transition).toMatchObject({ fromStage: 'co_design', toStage: 'ideation', decidedById: tenants.leadLille.id, decidedByName: tenants.leadLille.displayName, criteriaUnmet: [] });
    expect(new Date(first.body.project.stageEnteredAt).getTime()).toBeGreaterThan(new Date(created.body.stageEnteredAt).getTime());

    // Not with a criterion unmet, and not back.
    await lead.post(url).send({ to: 'prototyping', rationale: 'On avance.', criteriaMet: [] }).expect(403);
    await lead.post(url).send({ to: 'co_design', rationale: 'Retour.' }).expect(403);
    await lead2.post(url).send({ to: 'prototyping', rationale: 'Pas mon projet.', criteriaMet: criteria['ideation'] }).expect(403);
    await director.post(url).send({ to: 'prototyping', rationale: 'Direction.', criteriaMet: criteria['ideation'] }).expect(403);
    await managerAmiens.post(url).send({ to: 'prototyping', rationale: 'Autre lab.', criteriaMet: criteria['ideation'] }).expect(404);

    // A criterion of another stage is unknown here.
    const unknown = await manager.post(url).send({ to: 'prototyping', rationale: 'Critère erroné.', criteriaMet: criteria['prototyping'] }).expect(400);
    expect(unknown.body.errors[0].field).toBe('criteriaMet');

    // The lab manager passes an unmet gate only with a reason.
    const noReason = await manager.post(url).send({ to: 'prototyping', rationale: 'Prototype lancé.' }).expect(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['unmetReason']);
    const passed = await manager
      .post(url)
      .send({ to: 'prototyping', rationale: 'Prototype lancé.', unmetReason: 'La comparaison se fera sur le terrain.', version: 2 })
      .expect(201);
    expect(passed.body.transition.criteriaUnmet).toEqual([{ id: criteria['ideation'][0], label: 'Pistes de solution comparées' }]);

    // A stale version is a 409; a move back by the manager is allowed.
    const stale = await manager.post(url).send({ to: 'ideation', rationale: 'Retour.', version: 2 }).expect(409);
    expect(stale.body.current.stage).toBe('prototyping');
    await manager.post(url).send({ to: 'ideation', rationale: 'Le prototype a révélé un besoin différent.' }).expect(201);
    await manager.post(url).send({ to: 'prototyping', rationale: 'Nouvelle piste retenue.', criteriaMet: criteria['ideation'] }).expect(201);

    // Paused projects do not move; resuming is a recorded status change.
    await manager.post(url).send({ status: 'on_hold', rationale: 'Attente du budget municipal.' }).expect(201);
    const paused = await manager.post(url).send({ to: 'incubation', rationale: 'Tentative.', criteriaMet: criteria['prototyping'] }).expect(409);
    expect(paused.body.type).toBe('urn:sillon:problem:project_not_active');
    await lead.post(url).send({ status: 'active', rationale: 'Budget voté.' }).expect(403);
    const resumed = await manager.post(url).send({ status: 'active', rationale: 'Budget voté.' }).expect(201);
    expect(resumed.body.project).toMatchObject({ status: 'active', statusReason: null, stage: 'prototyping' });

    await lead.post(url).send({ to: 'incubation', rationale: 'Tests concluants avec 12 familles.', criteriaMet: criteria['prototyping'] }).expect(201);
    const scaleUp = await lead.post(url).send({ to: 'scale_up', rationale: 'Financement obtenu.', criteriaMet: criteria['incubation'] }).expect(201);
    expect(scaleUp.body.project.stage).toBe('scale_up');
    const scaled = await manager.post(url).send({ status: 'scaled', rationale: 'Reprise par la métropole dans 40 cantines.' }).expect(201);
    expect(scaled.body.project).toMatchObject({ stage: 'scale_up', status: 'scaled', statusReason: 'Reprise par la métropole dans 40 cantines.' });

    const history = await director.get(url).expect(200);
    expect(history.body.map((h: { fromStage: string | null; toStage: string; toStatus: string }) => [h.fromStage, h.toStage, h.toStatus])).toEqual([
      [null, 'co_design', 'active'],
      ['co_design', 'ideation', 'active'],
      ['ideation', 'prototyping', 'active'],
      ['prototyping', 'ideation', 'active'],
      ['ideation', 'prototyping', 'active'],
      ['prototyping', 'prototyping', 'on_hold'],
      ['prototyping', 'prototyping', 'active'],
      ['prototyping', 'incubation', 'active'],
      ['incubation', 'scale_up', 'active'],
      ['scale_up', 'scale_up', 'scaled'],
    ]);
    const stagesVisited = new Set(history.body.map((h: { toStage: string }) => h.toStage));
    expect([...STAGES].every((s) => stagesVisited.has(s))).toBe(true);
    const times = history.body.map((h: { decidedAt: string }) => new Date(h.decidedAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(history.body[2]).toMatchObject({ decidedByName: tenants.managerLille.displayName, unmetReason: 'La comparaison se fera sur le terrain.' });

    // Every decision left an audit event, readable by the lab manager per record.
    const audit = await manager.get(`/api/v1/audit?entity=project&entityId=${id}&pageSize=200`).expect(200);
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'transition')).toHaveLength(9);
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'create')).toHaveLength(1);
    await lead.get('/api/v1/audit').expect(403);
    await director.get('/api/v1/audit').expect(403);
    await manager.get(`/api/v1/audit?lab=${tenants.amiens.id}`).expect(404);
    expect((await managerAmiens.get(`/api/v1/audit?entityId=${id}`).expect(200)).body.total).toBe(0);
  });

  it('lets a lab manager skip stages with a reason and stop a project with the lesson learned', async () => {
    const created = await manager.post('/api/v1/projects').send({ name: 'Bus des droits' }).expect(201);
    const url = `/api/v1/projects/${created.body.id}/transitions`;
    await manager.post(url).send({ to: 'incubation', rationale: 'Déjà prototypé ailleurs.' }).expect(400);
    const skipped = await manager.post(url).send({ to: 'incubation', rationale: 'Déjà prototypé ailleurs.', unmetReason: 'Essaimage du dispositif de Roubaix.' }).expect(201);
    expect(skipped.body.transition.criteriaUnmet).toHaveLength(2);
    await manager.post(url).send({ status: 'stopped', rationale: '  ' }).expect(400);
    const stopped = await manager.post(url).send({ status: 'stopped', rationale: 'Le public visé passait déjà par les maisons France services.' }).expect(201);
    expect(stopped.body.project).toMatchObject({ status: 'stopped', statusReason: 'Le public visé passait déjà par les maisons France services.' });
    await manager.post(url).send({ to: 'scale_up', rationale: 'Relance.', unmetReason: 'x' }).expect(409);
  });

  it('counts projects per stage and status for a lab or a region', async () => {
    const lab = await manager.get('/api/v1/pipeline/summary').expect(200);
    expect(lab.body).toMatchObject({ labId: tenants.lille.id, total: 2 });
    expect(lab.body.byStage).toEqual({ co_design: 0, ideation: 0, prototyping: 0, incubation: 1, scale_up: 1 });
    expect(lab.body.cells).toContainEqual({ stage: 'scale_up', status: 'scaled', count: 1 });
    expect(lab.body.cells).toContainEqual({ stage: 'incubation', status: 'stopped', count: 1 });
    expect(lab.body.cells).toHaveLength(20);

    await managerAmiens.post('/api/v1/projects').send({ name: 'Mobilité solidaire' }).expect(201);
    const region = await director.get(`/api/v1/pipeline/summary?region=${tenants.hdf.id}`).expect(200);
    expect(region.body).toMatchObject({ regionId: tenants.hdf.id, total: 3 });
    expect((await director.get(`/api/v1/pipeline/summary?lab=${tenants.amiens.id}`).expect(200)).body.total).toBe(1);
    await manager.get(`/api/v1/pipeline/summary?lab=${tenants.amiens.id}`).expect(404);
    await director.get(`/api/v1/pipeline/summary?region=${tenants.ge.id}`).expect(404);
    await manager.get('/api/v1/pipeline/summary?lab=nope').expect(400);
  });
});
