import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { insertProject } from '../milestones/project-fixture';

type Method = 'get' | 'post' | 'patch' | 'delete';

interface BadInput {
  name: string;
  method: Method;
  // Placeholders: :project, :milestone, :organisation, :contact, :funding (records of the caller's lab).
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  // The field the 400 must name.
  field: string;
}

const long = (n: number) => 'é'.repeat(n);
const NIL = '00000000-0000-4000-8000-000000000000';
const milestone = { title: 'Atelier', kind: 'workshop', dueOn: '2030-01-15' };
const funding = { scheme: 'subvention', amountCents: 100 };

const CASES: BadInput[] = [
  // POST /projects/:id/milestones
  { name: 'milestone without title', method: 'post', url: '/api/v1/projects/:project/milestones', body: { kind: 'workshop', dueOn: '2030-01-15' }, field: 'title' },
  { name: 'milestone title over 200', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, title: long(201) }, field: 'title' },
  { name: 'milestone of an unknown kind', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, kind: 'party' }, field: 'kind' },
  { name: 'milestone due on 30 February', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, dueOn: '2026-02-30' }, field: 'dueOn' },
  { name: 'milestone due date with a time', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, dueOn: '2026-02-03T10:00:00Z' }, field: 'dueOn' },
  { name: 'milestone due date in French format', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, dueOn: '15/01/2030' }, field: 'dueOn' },
  { name: 'milestone in an unknown stage', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, stage: 'launch' }, field: 'stage' },
  { name: 'negative participants', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, participantCount: -3 }, field: 'participantCount' },
  { name: 'participants as text', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, participantCount: '12' }, field: 'participantCount' },
  { name: 'fractional participants', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, participantCount: 2.5 }, field: 'participantCount' },
  { name: 'participants on a decision', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, kind: 'decision', participantCount: 4 }, field: 'participantCount' },
  { name: 'evidence over http', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, evidenceUrl: 'http://pad.lab.fr/cr' }, field: 'evidenceUrl' },
  { name: 'evidence as javascript:', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, evidenceUrl: 'javascript:alert(1)' }, field: 'evidenceUrl' },
  { name: 'evidence over 2000', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, evidenceUrl: `https://a.fr/${'a'.repeat(2000)}` }, field: 'evidenceUrl' },
  { name: 'malformed owner', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, ownerId: 'julie' }, field: 'ownerId' },
  { name: 'unknown owner', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, ownerId: NIL }, field: 'ownerId' },
  { name: 'completion date on a planned milestone', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, completedOn: '2026-01-10' }, field: 'completedOn' },
  { name: 'completion date in the future', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, status: 'done', completedOn: '2099-01-10' }, field: 'completedOn' },
  { name: 'milestone with a lab id', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, labId: NIL }, field: 'labId' },
  { name: 'milestone with a late flag', method: 'post', url: '/api/v1/projects/:project/milestones', body: { ...milestone, late: true }, field: 'late' },
  { name: 'milestone on a malformed project', method: 'post', url: '/api/v1/projects/42/milestones', body: milestone, field: 'projectId' },
  { name: 'idempotency key with spaces', method: 'post', url: '/api/v1/projects/:project/milestones', body: milestone, headers: { 'Idempotency-Key': 'une clé' }, field: 'Idempotency-Key' },
  // PATCH /milestones/:id
  { name: 'milestone patch without version', method: 'patch', url: '/api/v1/milestones/:milestone', body: { status: 'done' }, field: 'version' },
  { name: 'milestone patch with an unknown status', method: 'patch', url: '/api/v1/milestones/:milestone', body: { version: 1, status: 'late' }, field: 'status' },
  { name: 'milestone patch with a null title', method: 'patch', url: '/api/v1/milestones/:milestone', body: { version: 1, title: null }, field: 'title' },
  { name: 'milestone patch with a null due date', method: 'patch', url: '/api/v1/milestones/:milestone', body: { version: 1, dueOn: null }, field: 'dueOn' },
  { name: 'milestone patch with a huge version', method: 'patch', url: '/api/v1/milestones/:milestone', body: { version: 1e12 }, field: 'version' },
  { name: 'milestone patch on a malformed id', method: 'patch', url: '/api/v1/milestones/x', body: { version: 1 }, field: 'id' },
  // GET /milestones
  { name: 'overdue not a boolean', method: 'get', url: '/api/v1/milestones?overdue=oui', field: 'overdue' },
  { name: 'milestones page size over 200', method: 'get', url: '/api/v1/milestones?pageSize=1000', field: 'pageSize' },
  { name: 'milestones of a malformed lab', method: 'get', url: '/api/v1/milestones?lab=LIL', field: 'lab' },
  { name: 'milestones with an unknown parameter', method: 'get', url: '/api/v1/milestones?late=true', field: 'late' },
  // Organisations
  { name: 'SIRET failing Luhn', method: 'post', url: '/api/v1/organisations', body: { name: 'CCAS', type: 'local_authority', siret: '73282932000075' }, field: 'siret' },
  { name: 'SIRET of 13 digits', method: 'post', url: '/api/v1/organisations', body: { name: 'CCAS', type: 'local_authority', siret: '7328293200007' }, field: 'siret' },
  { name: 'SIRET as a number', method: 'post', url: '/api/v1/organisations', body: { name: 'CCAS', type: 'local_authority', siret: 73282932000074 }, field: 'siret' },
  { name: 'organisation of an unknown type', method: 'post', url: '/api/v1/organisations', body: { name: 'X', type: 'ngo' }, field: 'type' },
  { name: 'organisation with the French type label', method: 'post', url: '/api/v1/organisations', body: { name: 'X', type: 'collectivité' }, field: 'type' },
  { name: 'organisation without name', method: 'post', url: '/api/v1/organisations', body: { type: 'association' }, field: 'name' },
  { name: 'organisation in an unknown département', method: 'post', url: '/api/v1/organisations', body: { name: 'X', type: 'association', department: '96' }, field: 'department' },
  { name: 'organisation patch with a null type', method: 'patch', url: '/api/v1/organisations/:organisation', body: { version: 1, type: null }, field: 'type' },
  { name: 'organisation patch with a bad SIRET', method: 'patch', url: '/api/v1/organisations/:organisation', body: { version: 1, siret: '12345678901234' }, field: 'siret' },
  { name: 'organisations of an unknown type', method: 'get', url: '/api/v1/organisations?type=ngo', field: 'type' },
  // Partners
  { name: 'partner of an unknown role', method: 'post', url: '/api/v1/projects/:project/partners', body: { organisationId: ':organisation', role: 'porteur' }, field: 'role' },
  { name: 'partner with a malformed organisation', method: 'post', url: '/api/v1/projects/:project/partners', body: { organisationId: 'ccas', role: 'partner' }, field: 'organisationId' },
  { name: 'partner with an unknown organisation', method: 'post', url: '/api/v1/projects/:project/partners', body: { organisationId: NIL, role: 'partner' }, field: 'organisationId' },
  { name: 'partner since an impossible date', method: 'post', url: '/api/v1/projects/:project/partners', body: { organisationId: ':organisation', role: 'partner', since: '2025-04-31' }, field: 'since' },
  { name: 'partner removal with a malformed id', method: 'delete', url: '/api/v1/projects/:project/partners/abc', field: 'partnerId' },
  // Contacts
  { name: 'contact with a malformed e-mail', method: 'post', url: '/api/v1/contacts', body: { organisationId: ':organisation', fullName: 'A B', email: 'ab@' }, field: 'email' },
  { name: 'contact without organisation', method: 'post', url: '/api/v1/contacts', body: { fullName: 'A B', email: 'a@b.fr' }, field: 'organisationId' },
  { name: 'contact with a malformed phone', method: 'post', url: '/api/v1/contacts', body: { organisationId: ':organisation', fullName: 'A B', email: 'a@b.fr', phone: 'appelez-moi' }, field: 'phone' },
  { name: 'contact name over 200', method: 'post', url: '/api/v1/contacts', body: { organisationId: ':organisation', fullName: long(201), email: 'a@b.fr' }, field: 'fullName' },
  { name: 'contact with a birth date', method: 'post', url: '/api/v1/contacts', body: { organisationId: ':organisation', fullName: 'A B', email: 'a@b.fr', birthDate: '1980-01-01' }, field: 'birthDate' },
  { name: 'contact patch with a null e-mail', method: 'patch', url: '/api/v1/contacts/:contact', body: { version: 1, email: null }, field: 'email' },
  { name: 'contact export of a malformed id', method: 'get', url: '/api/v1/contacts/1/export', field: 'id' },
  { name: 'contact erasure of a malformed id', method: 'delete', url: '/api/v1/contacts/%27%3B--/erasure', field: 'id' },
  // Funding
  { name: 'negative amount', method: 'post', url: '/api/v1/projects/:project/funding', body: { ...funding, amountCents: -100 }, field: 'amountCents' },
  { name: 'amount in euros with decimals', method: 'post', url: '/api/v1/projects/:project/funding', body: { ...funding, amountCents: 12.5 }, field: 'amountCents' },
  { name: 'amount as text', method: 'post', url: '/api/v1/projects/:project/funding', body: { ...funding, amountCents: '12 500 €' }, field: 'amountCents' },
  { name: 'amount over 10^12 cents', method: 'post', url: '/api/v1/projects/:project/funding', body: { ...funding, amountCents: 1e12 + 1 }, field: 'amountCents' },
  { name: 'unknown funding scheme', method: 'post', url: '/api/v1/projects/:project/funding', body: { ...funding, scheme: 'loterie' }, field: 'scheme' },
  { name: 'unknown funding status', method: 'post', url: '/api/v1/projects/:project/funding', body: { ...funding, status: 'paid' }, field: 'status' },
  { name: 'funding requested on 31 June', method: 'post', url: '/api/v1/projects/:project/funding', body: { ...funding, requestedOn: '2026-06-31' }, field: 'requestedOn' },
  { name: 'funding from an unknown funder', method: 'post', url: '/api/v1/projects/:project/funding', body: { ...funding, funderId: NIL }, field: 'funderId' },
  { name: 'funding received before its decision', method: 'post', url: '/api/v1/projects/:project/funding', body: { ...funding, decidedOn: '2026-05-01', receivedOn: '2026-04-01' }, field: 'receivedOn' },
  { name: 'funding patch with a null amount', method: 'patch', url: '/api/v1/funding/:funding', body: { version: 1, amountCents: null }, field: 'amountCents' },
  { name: 'funding patch with a text version', method: 'patch', url: '/api/v1/funding/:funding', body: { version: 'v1' }, field: 'version' },
];

describe('bad input on the milestone, organisation, partner, contact and funding endpoints', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    manager = await signIn(t, tenants.managerLille.email);
    ids['project'] = (await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id })).id;
    ids['milestone'] = (await manager.post(`/api/v1/projects/${ids['project']}/milestones`).send(milestone).expect(201)).body.id;
    ids['organisation'] = (await manager.post('/api/v1/organisations').send({ name: 'CCAS de Lille', type: 'local_authority' }).expect(201)).body.id;
    ids['contact'] = (await manager.post('/api/v1/contacts').send({ organisationId: ids['organisation'], fullName: 'Anne Leroy', email: 'anne@ccas.fr' }).expect(201)).body.id;
    ids['funding'] = (await manager.post(`/api/v1/projects/${ids['project']}/funding`).send(funding).expect(201)).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  // Everything a bad request could have written to.
  const snapshot = async () =>
    t.dataSource.query(`SELECT
      (SELECT string_agg(id || ':' || version, ',' ORDER BY id) FROM milestone) AS milestones,
      (SELECT string_agg(id || ':' || version, ',' ORDER BY id) FROM organisation) AS organisations,
      (SELECT string_agg(id || ':' || version, ',' ORDER BY id) FROM contact) AS contacts,
      (SELECT string_agg(id || ':' || version, ',' ORDER BY id) FROM funding_line) AS funding,
      (SELECT count(*) FROM project_partner)::int AS partners,
      (SELECT count(*) FROM idempotency_key)::int AS keys,
      (SELECT count(*) FROM audit_event)::int AS audit`);

  const fill = (text: string) => text.replace(/:(project|milestone|organisation|contact|funding)\b/g, (_m, key: string) => ids[key]);

  it(`has at least 25 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('$name → 400 naming $field, nothing written', async (c) => {
    const before = await snapshot();
    let request = manager[c.method](fill(c.url));
    for (const [name, value] of Object.entries(c.headers ?? {})) request = request.set(name, value);
    if (c.body !== undefined) request = request.send(JSON.parse(fill(JSON.stringify(c.body))));
    const res = await request;
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Requête invalide' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(c.field);
    for (const error of res.body.errors) expect(error.message).toMatch(/[a-zà-ÿ]/i);
    expect(await snapshot()).toEqual(before);
  });

  it('answers odd but well-formed input without a 500', async () => {
    const project = ids['project'];
    const odd = [
      () => manager.post(`/api/v1/projects/${project}/milestones`).send([milestone]),
      () => manager.post(`/api/v1/projects/${project}/milestones`).send({ ...milestone, title: { $ne: '' } }),
      () => manager.post(`/api/v1/projects/${project}/milestones`).send({ ...milestone, title: 'Nul\u0000' }),
      () => manager.post('/api/v1/organisations').send({ name: 'x', type: ['association'] }),
      () => manager.get('/api/v1/organisations?q=%25%5F%00%27'),
      () => manager.get('/api/v1/milestones?lab[]=x'),
      () => manager.get('/api/v1/milestones?page=99999&pageSize=200'),
      () => manager.post(`/api/v1/projects/${NIL}/milestones`).send(milestone),
      () => manager.patch(`/api/v1/milestones/${ids['milestone']}`).send({ version: 2_147_483_647 }),
      () => manager.post(`/api/v1/projects/${project}/funding`).send({ ...funding, amountCents: 1e12 }),
      () => manager.post('/api/v1/contacts').send({ organisationId: ids['organisation'], fullName: 'Zoë', email: 'zoë@exemple.fr' }),
    ];
    const statuses: number[] = [];
    for (const send of odd) statuses.push((await send()).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 200, 404, 409, 201, 201]);
  });
});
