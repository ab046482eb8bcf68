import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

interface BadInput {
  name: string;
  method: Method;
  // Placeholders: :project (a project of the caller's lab), :lab (the caller's lab).
  url: string;
  body?: unknown;
  raw?: string;
  // The field the 400 must name.
  field: string;
}

const longText = (n: number) => 'é'.repeat(n);

const CASES: BadInput[] = [
  // POST /projects
  { name: 'missing name', method: 'post', url: '/api/v1/projects', body: { summary: 'Sans nom' }, field: 'name' },
  { name: 'empty name', method: 'post', url: '/api/v1/projects', body: { name: '' }, field: 'name' },
  { name: 'blank name', method: 'post', url: '/api/v1/projects', body: { name: '   ' }, field: 'name' },
  { name: 'name over 200 characters', method: 'post', url: '/api/v1/projects', body: { name: longText(201) }, field: 'name' },
  { name: 'name as a number', method: 'post', url: '/api/v1/projects', body: { name: 42 }, field: 'name' },
  { name: 'summary over 4000 characters', method: 'post', url: '/api/v1/projects', body: { name: 'P', summary: longText(4001) }, field: 'summary' },
  { name: 'unknown field', method: 'post', url: '/api/v1/projects', body: { name: 'P', budget: 1000 }, field: 'budget' },
  { name: 'lab set by the client', method: 'post', url: '/api/v1/projects', body: { name: 'P', labId: '00000000-0000-4000-8000-000000000000' }, field: 'labId' },
  { name: 'code set by the client', method: 'post', url: '/api/v1/projects', body: { name: 'P', code: 'LIL-2026-999' }, field: 'code' },
  { name: 'unknown stage', method: 'post', url: '/api/v1/projects', body: { name: 'P', stage: 'launch' }, field: 'stage' },
  { name: 'unknown health', method: 'post', url: '/api/v1/projects', body: { name: 'P', health: 'blue' }, field: 'health' },
  { name: 'unknown theme', method: 'post', url: '/api/v1/projects', body: { name: 'P', themes: ['culture'] }, field: 'themes' },
  { name: 'themes not a list', method: 'post', url: '/api/v1/projects', body: { name: 'P', themes: 'emploi' }, field: 'themes' },
  { name: 'impossible date', method: 'post', url: '/api/v1/projects', body: { name: 'P', startDate: '2026-02-30' }, field: 'startDate' },
  { name: 'date with a time', method: 'post', url: '/api/v1/projects', body: { name: 'P', startDate: '2026-02-03T10:00:00Z' }, field: 'startDate' },
  { name: 'French date format', method: 'post', url: '/api/v1/projects', body: { name: 'P', startDate: '03/02/2026' }, field: 'startDate' },
  { name: 'unknown département', method: 'post', url: '/api/v1/projects', body: { name: 'P', departments: ['99'] }, field: 'departments' },
  { name: 'malformed commune', method: 'post', url: '/api/v1/projects', body: { name: 'P', communes: ['5935'] }, field: 'communes' },
  { name: 'malformed lead id', method: 'post', url: '/api/v1/projects', body: { name: 'P', leadId: 'léo' }, field: 'leadId' },
  { name: 'public flag as a string', method: 'post', url: '/api/v1/projects', body: { name: 'P', isPublic: 'oui' }, field: 'isPublic' },
  { name: 'health comment over 1000', method: 'post', url: '/api/v1/projects', body: { name: 'P', healthComment: longText(1001) }, field: 'healthComment' },
  // PATCH /projects/:id
  { name: 'patch without version', method: 'patch', url: '/api/v1/projects/:project', body: { name: 'Q' }, field: 'version' },
  { name: 'patch with a text version', method: 'patch', url: '/api/v1/projects/:project', body: { version: '1', name: 'Q' }, field: 'version' },
  { name: 'patch with a negative version', method: 'patch', url: '/api/v1/projects/:project', body: { version: -1 }, field: 'version' },
  { name: 'patch with a null name', method: 'patch', url: '/api/v1/projects/:project', body: { version: 1, name: null }, field: 'name' },
  { name: 'patch changing the stage', method: 'patch', url: '/api/v1/projects/:project', body: { version: 1, stage: 'scale_up' }, field: 'stage' },
  { name: 'patch changing the status', method: 'patch', url: '/api/v1/projects/:project', body: { version: 1, status: 'stopped' }, field: 'status' },
  { name: 'patch with an impossible date', method: 'patch', url: '/api/v1/projects/:project', body: { version: 1, startDate: '2025-13-01' }, field: 'startDate' },
  { name: 'patch on a malformed id', method: 'patch', url: '/api/v1/projects/not-a-uuid', body: { version: 1 }, field: 'id' },
  // GET /projects
  { name: 'malformed project id', method: 'get', url: "/api/v1/projects/1' OR 1=1", field: 'id' },
  { name: 'page size over 200', method: 'get', url: '/api/v1/projects?pageSize=201', field: 'pageSize' },
  { name: 'page zero', method: 'get', url: '/api/v1/projects?page=0', field: 'page' },
  { name: 'page as text', method: 'get', url: '/api/v1/projects?page=deux', field: 'page' },
  { name: 'unknown sort', method: 'get', url: '/api/v1/projects?sort=budget', field: 'sort' },
  { name: 'unknown stage filter', method: 'get', url: '/api/v1/projects?stage=ideation&stage=launch', field: 'stage' },
  { name: 'malformed lab filter', method: 'get', url: '/api/v1/projects?lab=lille', field: 'lab' },
  { name: 'unknown query parameter', method: 'get', url: '/api/v1/projects?owner=me', field: 'owner' },
  { name: 'archived not a boolean', method: 'get', url: '/api/v1/projects?archived=yes', field: 'archived' },
  // POST /projects/:id/restore
  { name: 'restore without version', method: 'post', url: '/api/v1/projects/:project/restore', body: {}, field: 'version' },
  { name: 'restore with a text version', method: 'post', url: '/api/v1/projects/:project/restore', body: { version: 'deux' }, field: 'version' },
  { name: 'restore with an unknown field', method: 'post', url: '/api/v1/projects/:project/restore', body: { version: 1, archivedAt: null }, field: 'archivedAt' },
  { name: 'restore on a malformed id', method: 'post', url: '/api/v1/projects/abc/restore', body: { version: 1 }, field: 'id' },
  // POST /projects/:id/transitions
  { name: 'transition without rationale', method: 'post', url: '/api/v1/projects/:project/transitions', body: { to: 'ideation' }, field: 'rationale' },
  { name: 'transition to an unknown stage', method: 'post', url: '/api/v1/projects/:project/transitions', body: { to: 'done', rationale: 'r' }, field: 'to' },
  { name: 'transition to an unknown status', method: 'post', url: '/api/v1/projects/:project/transitions', body: { status: 'paused', rationale: 'r' }, field: 'status' },
  { name: 'transition with malformed criteria', method: 'post', url: '/api/v1/projects/:project/transitions', body: { to: 'ideation', rationale: 'r', criteriaMet: ['x'] }, field: 'criteriaMet' },
  { name: 'transition with unknown criteria', method: 'post', url: '/api/v1/projects/:project/transitions', body: { to: 'ideation', rationale: 'r', criteriaMet: ['00000000-0000-4000-8000-000000000000'] }, field: 'criteriaMet' },
  { name: 'transition rationale over 4000', method: 'post', url: '/api/v1/projects/:project/transitions', body: { to: 'ideation', rationale: longText(4001) }, field: 'rationale' },
  { name: 'transition changing nothing', method: 'post', url: '/api/v1/projects/:project/transitions', body: { to: 'co_design', rationale: 'r' }, field: 'to' },
  { name: 'transition with a decider', method: 'post', url: '/api/v1/projects/:project/transitions', body: { to: 'ideation', rationale: 'r', decidedBy: 'x' }, field: 'decidedBy' },
  { name: 'transition on a malformed id', method: 'post', url: '/api/v1/projects/abc/transitions', body: { to: 'ideation', rationale: 'r' }, field: 'id' },
  // Gate criteria
  { name: 'criteria of an unknown stage', method: 'put', url: '/api/v1/labs/:lab/gate-criteria/launch', body: { criteria: [] }, field: 'stage' },
  { name: 'criteria not a list', method: 'put', url: '/api/v1/labs/:lab/gate-criteria/ideation', body: { criteria: 'x' }, field: 'criteria' },
  { name: 'criterion without label', method: 'put', url: '/api/v1/labs/:lab/gate-criteria/ideation', body: { criteria: [{}] }, field: 'criteria.0.label' },
  { name: 'criterion label over 300', method: 'put', url: '/api/v1/labs/:lab/gate-criteria/ideation', body: { criteria: [{ label: longText(301) }] }, field: 'criteria.0.label' },
  { name: 'criterion with an unknown id', method: 'put', url: '/api/v1/labs/:lab/gate-criteria/ideation', body: { criteria: [{ id: '00000000-0000-4000-8000-000000000000', label: 'L' }] }, field: 'criteria.0.id' },
  { name: 'criteria of a malformed lab', method: 'get', url: '/api/v1/labs/lille/gate-criteria', field: 'labId' },
  { name: 'criteria filtered by an unknown stage', method: 'get', url: '/api/v1/labs/:lab/gate-criteria?stage=x', field: 'stage' },
  // Summary and audit
  { name: 'summary of a malformed lab', method: 'get', url: '/api/v1/pipeline/summary?lab=1', field: 'lab' },
  { name: 'audit page size over 200', method: 'get', url: '/api/v1/audit?pageSize=500', field: 'pageSize' },
  { name: 'audit of a malformed lab', method: 'get', url: '/api/v1/audit?lab=x', field: 'lab' },
];

describe('bad input on the project, pipeline and audit endpoints', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    manager = await signIn(t, tenants.managerLille.email);
    projectId = (await manager.post('/api/v1/projects').send({ name: 'Projet témoin' }).expect(201)).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  // Everything a bad request could have written to.
  const snapshot = async () =>
    t.dataSource.query(`SELECT
      (SELECT count(*) FROM project)::int AS projects,
      (SELECT count(*) FROM stage_transition)::int AS transitions,
      (SELECT count(*) FROM gate_criterion)::int AS criteria,
      (SELECT count(*) FROM audit_event)::int AS audit,
      (SELECT string_agg(id || ':' || version, ',') FROM project) AS versions`);

  it(`has at least 25 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('$name → 400 naming $field, nothing written', async (c) => {
    const before = await snapshot();
    const url = c.url.replace(':project', projectId).replace(':lab', tenants.lille.id);
    let request = manager[c.method](url);
    if (c.body !== undefined) request = request.send(c.body as object);
    const res = await request;
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Requête invalide' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(c.field);
    for (const error of res.body.errors) expect(error.message).toMatch(/[a-zà-ÿ]/i);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a malformed JSON body with a 400, never a 500', async () => {
    const res = await manager.post('/api/v1/projects').set('Content-Type', 'application/json').send('{"name": "P",');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers odd but well-formed input without a 500', async () => {
    const odd = () => [
      () => manager.post('/api/v1/projects').send([{ name: 'P' }]),
      () => manager.post('/api/v1/projects').send({ name: { $gt: '' } }),
      () => manager.post('/api/v1/projects').send({ name: 'P', themes: [null] }),
      () => manager.post('/api/v1/projects').send({ name: 'P', startDate: null, leadId: null, healthComment: null }),
      () => manager.get('/api/v1/projects?q=%00%27%22%5C'),
      () => manager.get('/api/v1/projects?stage[]=ideation'),
      () => manager.get('/api/v1/projects?sort=name&sort=code'),
      () => manager.post('/api/v1/projects').send({ name: 'Nul\u0000' }),
      () => manager.patch(`/api/v1/projects/${projectId}`).send({ version: 2_147_483_647 }),
      () => manager.post(`/api/v1/projects/${projectId}/transitions`).send({ rationale: 'r', criteriaMet: 'x' }),
    ];
    const statuses: number[] = [];
    for (const send of odd()) statuses.push((await send()).status);
    expect(statuses).toEqual([400, 400, 400, 201, 400, 400, 400, 400, 409, 400]);
  });
});
