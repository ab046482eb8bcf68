import type { ProjectProposal, ProposalDecisionResult } from '@sillon/contracts';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const fields = (body: { errors?: { field: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.field))].sort();

// A project lead's move that only the lab manager may decide becomes a proposal, which the manager
// accepts (the move is recorded in the same transaction) or refuses with a note; the lead reads the outcome.
describe('proposals of stage changes', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let lead2: Session;
  let director: Session;
  let managerAmiens: Session;
  let coDesign: string[];

  const newProject = async (name: string) => (await lead.post('/api/v1/projects').send({ name }).expect(201)).body as { id: string; version: number };
  const propose = (projectId: string) => `/api/v1/projects/${projectId}/proposals`;
  const stageOf = async (projectId: string) => (await t.dataSource.query(`SELECT stage, version FROM project WHERE id = $1`, [projectId]))[0];

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead, lead2, director, managerAmiens] = await Promise.all(
      [tenants.managerLille, tenants.leadLille, tenants.lead2Lille, tenants.directorHdf, tenants.managerAmiens].map((u) => signIn(t, u.email)),
    );
    const criteria = await manager
      .put(`/api/v1/labs/${tenants.lille.id}/gate-criteria/co_design`)
      .send({ criteria: [{ label: 'Usagers identifiés' }, { label: 'Besoin formulé avec eux' }] })
      .expect(200);
    coDesign = criteria.body.map((c: { id: string }) => c.id);
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses the lead a direct exception and tells them to propose it', async () => {
    const project = await newProject('Épicerie solidaire mobile');
    const res = await lead.post(`/api/v1/projects/${project.id}/transitions`).send({ to: 'ideation', rationale: 'On avance.', criteriaMet: [coDesign[0]] }).expect(403);
    expect(res.body.detail).toContain('Proposez ce passage');
    expect(await stageOf(project.id)).toEqual({ stage: 'co_design', version: 1 });
  });

  it('names each bad field of a proposal, and proposes nothing', async () => {
    const project = await newProject('Tiers-lieu numérique');
    const empty = await lead.post(propose(project.id)).send({}).expect(400);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(empty.body)).toEqual(['rationale', 'to']);
    const wrong = await lead
      .post(propose(project.id))
      .send({ to: 'nulle_part', rationale: '   ', criteriaMet: ['pas-un-uuid'], unmetReason: '', version: 0, extra: true })
      .expect(400);
    expect(fields(wrong.body)).toEqual(['criteriaMet', 'extra', 'rationale', 'to', 'unmetReason', 'version']);
    // A gate with unmet criteria needs its reason; a criterion of another stage is not one of this gate.
    const noReason = await lead.post(propose(project.id)).send({ to: 'ideation', rationale: 'Les ateliers suffisent.', criteriaMet: [] }).expect(400);
    expect(fields(noReason.body)).toEqual(['unmetReason']);
    const unknown = await lead
      .post(propose(project.id))
      .send({ to: 'ideation', rationale: 'R', criteriaMet: ['0b8a2f7e-5d1c-4a5e-9f7e-1c2d3e4f5a6b'], unmetReason: 'Raison' })
      .expect(400);
    expect(fields(unknown.body)).toEqual(['criteriaMet']);
    // What the lead may decide alone is not proposed.
    const direct = await lead.post(propose(project.id)).send({ to: 'ideation', rationale: 'Tout est prêt.', criteriaMet: coDesign }).expect(400);
    expect(direct.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'noExceptionNeeded' })]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM project_proposal WHERE project_id = $1`, [project.id]);
    expect(n).toBe(0);
  });

  it('lets only the project’s lead propose, on the version they saw', async () => {
    const project = await newProject('Vélos-cargos partagés');
    const body = { to: 'prototyping', rationale: 'Le prototype existe déjà chez un partenaire.', criteriaMet: coDesign, unmetReason: 'Étape déjà faite ailleurs.' };
    expect((await manager.post(propose(project.id)).send(body).expect(403)).body.detail).toContain('directement');
    await lead2.post(propose(project.id)).send(body).expect(403);
    await director.post(propose(project.id)).send(body).expect(403);
    await managerAmiens.post(propose(project.id)).send(body).expect(404);
    const stale = await lead.post(propose(project.id)).send({ ...body, version: project.version + 1 }).expect(409);
    expect(stale.body.current).toMatchObject({ id: project.id, version: project.version });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM project_proposal WHERE project_id = $1`, [project.id]);
    expect(n).toBe(0);
  });

  it('goes from the lead’s proposal to the manager’s acceptance, which records the move', async () => {
    const project = await newProject('Cantine zéro déchet');
    const created = await lead
      .post(propose(project.id))
      .send({ to: 'ideation', rationale: 'Le besoin est confirmé par la mairie.', criteriaMet: [coDesign[0]], unmetReason: 'Les usagers seront réunis en juin.', version: 1 })
      .expect(201);
    const proposal = created.body as ProjectProposal;
    expect(proposal).toMatchObject({
      projectId: project.id,
      fromStage: 'co_design',
      toStage: 'ideation',
      status: 'pending',
      proposedById: tenants.leadLille.id,
      proposedByName: tenants.leadLille.displayName,
      criteriaMet: [coDesign[0]],
      decidedAt: null,
      version: 1,
    });
    // One open proposal per project.
    const second = await lead.post(propose(project.id)).send({ to: 'prototyping', rationale: 'Autre idée.', unmetReason: 'Urgence.' }).expect(409);
    expect(second.body.current).toMatchObject({ id: proposal.id, status: 'pending' });

    // Who reads it: the lab manager, the region's director and the lead who proposed.
    const pending = await manager.get('/api/v1/proposals?status=pending').expect(200);
    expect(pending.body.items.map((p: ProjectProposal) => p.id)).toContain(proposal.id);
    expect((await director.get('/api/v1/proposals').expect(200)).body.items.map((p: ProjectProposal) => p.id)).toContain(proposal.id);
    expect((await lead.get('/api/v1/proposals').expect(200)).body.items.map((p: ProjectProposal) => p.id)).toContain(proposal.id);
    expect((await lead2.get('/api/v1/proposals').expect(200)).body.items.map((p: ProjectProposal) => p.id)).not.toContain(proposal.id);
    expect((await managerAmiens.get('/api/v1/proposals').expect(200)).body.total).toBe(0);
    await lead2.get(`/api/v1/proposals/${proposal.id}`).expect(404);
    await managerAmiens.get(`/api/v1/proposals/${proposal.id}`).expect(404);

    // Only the lab manager decides, on the version they read.
    const decision = `/api/v1/proposals/${proposal.id}/decision`;
    expect(fields((await manager.post(decision).send({}).expect(400)).body)).toEqual(['decision', 'version']);
    expect(fields((await manager.post(decision).send({ decision: 'refused', version: 1 }).expect(400)).body)).toEqual(['note']);
    expect(fields((await manager.post(decision).send({ decision: 'peut-être', note: 42, version: 'un' }).expect(400)).body)).toEqual(['decision', 'note', 'version']);
    await lead.post(decision).send({ decision: 'accepted', version: 1 }).expect(403);
    await director.post(decision).send({ decision: 'accepted', version: 1 }).expect(403);
    await managerAmiens.post(decision).send({ decision: 'accepted', version: 1 }).expect(404);
    const stale = await manager.post(decision).send({ decision: 'accepted', version: 7 }).expect(409);
    expect(stale.body.current).toMatchObject({ id: proposal.id, status: 'pending', version: 1 });
    expect(await stageOf(project.id)).toEqual({ stage: 'co_design', version: 1 });

    const accepted = (await manager.post(decision).send({ decision: 'accepted', note: 'Accord en comité du 12 mai.', version: 1 }).expect(200)).body as ProposalDecisionResult;
    expect(accepted.proposal).toMatchObject({ status: 'accepted', decidedById: tenants.managerLille.id, decisionNote: 'Accord en comité du 12 mai.', version: 2 });
    expect(accepted.project).toMatchObject({ id: project.id, stage: 'ideation', version: 2 });
    expect(accepted.transition).toMatchObject({
      fromStage: 'co_design',
      toStage: 'ideation',
      rationale: 'Le besoin est confirmé par la mairie.',
      unmetReason: 'Les usagers seront réunis en juin.',
      criteriaUnmet: [{ id: coDesign[1], label: 'Besoin formulé avec eux' }],
      decidedById: tenants.managerLille.id,
    });
    expect(accepted.proposal.transitionId).toBe(accepted.transition?.id);
    const history = await lead.get(`/api/v1/projects/${project.id}/transitions`).expect(200);
    expect(history.body.at(-1).id).toBe(accepted.transition?.id);
    await manager.post(decision).send({ decision: 'refused', note: 'Trop tard', version: 2 }).expect(409);

    const trail = await t.dataSource.query(
      `SELECT action, entity_type FROM audit_event WHERE entity_id IN ($1, $2) AND action <> 'create' ORDER BY id`,
      [proposal.id, project.id],
    );
    expect(trail).toEqual([
      { action: 'propose', entity_type: 'project_proposal' },
      { action: 'transition', entity_type: 'project' },
      { action: 'accept', entity_type: 'project_proposal' },
    ]);

    // The lead sees the outcome until they acknowledge it.
    const unseen = await lead.get('/api/v1/proposals?unseen=true').expect(200);
    expect(unseen.body.items.map((p: ProjectProposal) => p.id)).toEqual([proposal.id]);
    await manager.post(`/api/v1/proposals/${proposal.id}/acknowledgement`).expect(403);
    const seen = await lead.post(`/api/v1/proposals/${proposal.id}/acknowledgement`).expect(200);
    expect(seen.body.outcomeSeenAt).not.toBeNull();
    expect((await lead.post(`/api/v1/proposals/${proposal.id}/acknowledgement`).expect(200)).body.outcomeSeenAt).toBe(seen.body.outcomeSeenAt);
    expect((await lead.get('/api/v1/proposals?unseen=true').expect(200)).body.total).toBe(0);
  });

  it('refuses a proposal with a note and leaves the project where it was', async () => {
    const project = await newProject('Conciergerie de quartier');
    await manager.post(`/api/v1/projects/${project.id}/transitions`).send({ to: 'prototyping', rationale: 'Décision du comité.', unmetReason: 'Déjà testé.' }).expect(201);
    // A move back: nothing to justify beyond the rationale.
    const created = await lead.post(propose(project.id)).send({ to: 'co_design', rationale: 'Les usagers ne se reconnaissent pas dans le prototype.' }).expect(201);
    await lead.post(`/api/v1/proposals/${created.body.id}/acknowledgement`).expect(409);
    const refused = await manager.post(`/api/v1/proposals/${created.body.id}/decision`).send({ decision: 'refused', note: 'Faisons d’abord un test de plus.', version: 1 }).expect(200);
    expect(refused.body).toMatchObject({ proposal: { status: 'refused', decisionNote: 'Faisons d’abord un test de plus.', transitionId: null }, project: null, transition: null });
    expect(await stageOf(project.id)).toEqual({ stage: 'prototyping', version: 2 });
    const mine = await lead.get(`/api/v1/proposals/${created.body.id}`).expect(200);
    expect(mine.body).toMatchObject({ status: 'refused', decidedByName: tenants.managerLille.displayName, outcomeSeenAt: null });
    // Decided: the lead may propose again.
    await lead.post(propose(project.id)).send({ to: 'co_design', rationale: 'Après le test, même constat.' }).expect(201);
  });

  it('will not accept a proposal whose project has moved since, and says where it is now', async () => {
    const project = await newProject('Jardin partagé');
    const created = await lead.post(propose(project.id)).send({ to: 'prototyping', rationale: 'Saut justifié.', criteriaMet: coDesign, unmetReason: 'Idéation faite en 2025.' }).expect(201);
    await manager.post(`/api/v1/projects/${project.id}/transitions`).send({ to: 'ideation', rationale: 'Étape normale.', criteriaMet: coDesign }).expect(201);
    const res = await manager.post(`/api/v1/proposals/${created.body.id}/decision`).send({ decision: 'accepted', version: 1 }).expect(409);
    expect(res.body.detail).toContain('il est maintenant en Idéation');
    expect(res.body.current).toMatchObject({ id: project.id, stage: 'ideation' });
    expect((await manager.get(`/api/v1/proposals/${created.body.id}`).expect(200)).body.status).toBe('pending');
    await manager.post(`/api/v1/proposals/${created.body.id}/decision`).send({ decision: 'refused', note: 'Le projet a avancé entre-temps.', version: 1 }).expect(200);
  });

  it('proposes nothing for a project that is not active', async () => {
    const project = await newProject('Ressourcerie');
    await manager.post(`/api/v1/projects/${project.id}/transitions`).send({ status: 'on_hold', rationale: 'Pause estivale.' }).expect(201);
    const res = await lead.post(propose(project.id)).send({ to: 'ideation', rationale: 'Reprise.', unmetReason: 'Urgence.' }).expect(409);
    expect(res.body.type).toBe('urn:sillon:problem:project_not_active');
  });
});
