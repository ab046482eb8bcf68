import { OPEN_DATA_FIELDS } from '@sillon/contracts';
import { parse } from 'csv-parse/sync';
import { insertProject } from '../milestones/project-fixture';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const ETALAB = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

describe('Open-data feed of public projects', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let published: { id: string; code: string };
  let hidden: { id: string; code: string };
  let archived: { id: string; code: string };
  let nancy: { id: string; code: string };
  let formula: { id: string; code: string };
  // What must never leave the database through the feed.
  const personal: string[] = [];

  const publish = (id: string, themes = ['inclusion_numerique', 'emploi'], departments = ['59']) =>
    t.dataSource.query(
      `UPDATE project SET is_public = true, summary = 'Un projet pour tous.', themes = $2, departments = $3,
         start_date = '2026-01-05', health_comment = 'Tension avec Léo Lille' WHERE id = $1`,
      [id, themes, departments],
    );

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead] = await Promise.all([signIn(t, tenants.managerLille.email), signIn(t, tenants.leadLille.email)]);
    published = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id, name: 'Médiation numérique en mairie' });
    hidden = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id, name: 'Projet confidentiel' });
    archived = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id, name: 'Projet archivé public', archived: true });
    nancy = await insertProject(t, tenants.nancy, { leadId: tenants.leadNancy.id, name: 'Cantines durables' });
    formula = await insertProject(t, tenants.lille, { name: '=HYPERLINK("http://evil.example","clic")' });
    await publish(published.id);
    await publish(archived.id);
    await publish(nancy.id, ['alimentation_durable'], ['54']);
    await publish(formula.id);

    await lead
      .post(`/api/v1/projects/${published.id}/commons`)
      .send({
        title: 'Kit de médiation',
        kind: 'methode',
        licence: 'cc_by_4_0',
        url: 'https://communs.example.fr/kit',
        publishedOn: '2026-05-02',
        reuses: [{ territory: 'Ville de Roubaix', department: '59', since: '2026-09-01', note: 'Avec le CCAS' }],
      })
      .expect(201);
    await lead
      .post(`/api/v1/projects/${hidden.id}/commons`)
      .send({ title: 'Commun caché', kind: 'guide', licence: 'mit', url: 'https://communs.example.fr/cache', publishedOn: '2026-05-02' })
      .expect(201);
    const org = await manager.post('/api/v1/organisations').send({ name: 'Association des Weppes', type: 'association' }).expect(201);
    const contact = await manager
      .post('/api/v1/contacts')
      .send({ organisationId: org.body.id, fullName: 'Zoé Contactée', email: 'zoe.contactee@example.org' })
      .expect(201);
    await manager.post(`/api/v1/projects/${published.id}/partners`).send({ organisationId: org.body.id, role: 'partner', contactId: contact.body.id }).expect(201);
    personal.push(
      tenants.leadLille.displayName,
      tenants.leadLille.email,
      tenants.leadNancy.displayName,
      tenants.leadNancy.email,
      tenants.managerLille.email,
      'Zoé Contactée',
      'zoe.contactee@example.org',
      'Tension avec',
      'Association des Weppes',
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists, to anonymous callers, the public non-archived projects of every lab with their commons, under Licence Ouverte 2.0', async () => {
    const res = await t.http().get('/api/v1/open-data/projects.json').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['link']).toContain(`<${ETALAB}>; rel="license"`);
    expect(res.body.licence).toEqual({ name: 'Licence Ouverte / Open Licence version 2.0', url: ETALAB });
    expect(res.body.schema).toBe('/api/v1/open-data/schema.json');
    const codes = res.body.projects.map((p: { code: string }) => p.code).sort();
    expect(codes).toEqual([published.code, nancy.code, formula.code].sort());
    const mine = res.body.projects.find((p: { code: string }) => p.code === published.code);
    expect(mine).toEqual({
      code: published.code,
      name: 'Médiation numérique en mairie',
      summary: 'Un projet pour tous.',
      themes: ['inclusion_numerique', 'emploi'],
      stage: 'ideation',
      status: 'active',
      departments: ['59'],
      labName: 'Lab de Lille',
      regionName: 'Hauts-de-France',
      startDate: '2026-01-05',
      lastUpdated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      commons: [
        {
          title: 'Kit de médiation',
          kind: 'methode',
          licence: 'cc_by_4_0',
          url: 'https://communs.example.fr/kit',
          publishedOn: '2026-05-02',
          reuses: [{ territory: 'Ville de Roubaix', department: '59', since: '2026-09-01', note: 'Avec le CCAS' }],
        },
      ],
    });
    expect(res.body.projects.find((p: { code: string }) => p.code === nancy.code)).toMatchObject({ labName: 'Lab de Nancy', regionName: 'Grand Est', commons: [] });
  });

  it('carries no personal data, no identifier and no hidden project, in JSON or CSV', async () => {
    const json = await t.http().get('/api/v1/open-data/projects.json').expect(200);
    const csv = await t.http().get('/api/v1/open-data/projects.csv').expect(200);
    for (const text of [json.text, csv.text]) {
      for (const value of personal) expect(text).not.toContain(value);
      expect(text).not.toMatch(/@/);
      for (const id of [published.id, hidden.id, tenants.lille.id, tenants.leadLille.id]) expect(text).not.toContain(id);
      expect(text).not.toContain('Projet confidentiel');
      expect(text).not.toContain('Commun caché');
      expect(text).not.toContain('Projet archivé public');
    }
  });

  it('describes every field of the feed in a Frictionless Table Schema, in French, with its licence', async () => {
    const schema = await t.http().get('/api/v1/open-data/schema.json').expect(200);
    expect(schema.headers['cache-control']).toBe('public, max-age=300');
    expect(schema.body.licenses).toEqual([{ name: 'etalab-2.0', title: 'Licence Ouverte / Open Licence version 2.0', path: ETALAB }]);
    const names = schema.body.fields.map((f: { name: string }) => f.name);
    expect(names).toEqual([...OPEN_DATA_FIELDS]);
    for (const field of schema.body.fields) expect(field.description).toMatch(/[éèàù]|projet|du|des/);
    const feed = await t.http().get('/api/v1/open-data/projects.json').expect(200);
    for (const project of feed.body.projects) expect(Object.keys(project).sort()).toEqual([...names].sort());
    expect(schema.body.primaryKey).toEqual(['code']);
  });

  it('serves the same projects as a CSV that parses, with a BOM, the schema’s columns, the licence in a header, and formulas neutralised', async () => {
    const res = await t.http().get('/api/v1/open-data/projects.csv').buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('sillon-projets-publics.csv');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['link']).toContain(`<${ETALAB}>; rel="license"`);
    expect(res.headers['link']).toContain('</api/v1/open-data/schema.json>; rel="describedby"');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(body, { bom: true, columns: true });
    const header: string[] = parse(body, { bom: true, to_line: 1 })[0];
    expect(header).toEqual([...OPEN_DATA_FIELDS]);
    expect(rows.map((r) => r['code']).sort()).toEqual([published.code, nancy.code, formula.code].sort());
    const mine = rows.find((r) => r['code'] === published.code) as Record<string, string>;
    expect(JSON.parse(mine['themes'])).toEqual(['inclusion_numerique', 'emploi']);
    expect(JSON.parse(mine['commons'])[0]).toMatchObject({ title: 'Kit de médiation', reuses: [{ territory: 'Ville de Roubaix' }] });
    expect(mine['labName']).toBe('Lab de Lille');
    expect(rows.find((r) => r['code'] === formula.code)?.['name']).toBe(`'=HYPERLINK("http://evil.example","clic")`);
  });

  it('drops a project from the feed as soon as its lab unpublishes or archives it', async () => {
    await t.dataSource.query(`UPDATE project SET is_public = false WHERE id = $1`, [nancy.id]);
    await t.dataSource.query(`UPDATE project SET archived_at = now() WHERE id = $1`, [formula.id]);
    const res = await t.http().get('/api/v1/open-data/projects.json').expect(200);
    expect(res.body.projects.map((p: { code: string }) => p.code)).toEqual([published.code]);
  });
});
