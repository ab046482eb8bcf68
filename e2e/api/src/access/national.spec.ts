import type { PortfolioReport } from '@sillon/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ProjectAccessPolicy } from '../../../../apps/api/src/modules/access/project-access.policy';
import { binary, Portfolio, seedPortfolio } from '../reports/report-fixture';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// A national account (role national, « Direction nationale »): reads the portfolio of every region,
// its figures and exports, with a region filter; reads no personal data (contacts, audit trail);
// changes nothing.
const QUERY = 'from=2026-01-01&to=2026-06-30&asOf=2026-06-30';
const PERSON = { fullName: 'Camille Confidentielle', email: 'camille.confidentielle@exemple.fr', phone: '06 12 34 56 78' };

describe('national account: every region, no personal data, read only', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let portfolio: Portfolio;
  let national: Session;
  let directorHdf: Session;
  let directorGe: Session;
  let contactId: string;
  let organisationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    portfolio = await seedPortfolio(t, tenants);
    // A person at an organisation of Lille, named as the contact of a partnership of P1.
    [{ id: organisationId }] = await t.dataSource.query(`INSERT INTO organisation (lab_id, name, type) VALUES ($1, 'Centre social Camille', 'association') RETURNING id`, [
      tenants.lille.id,
    ]);
    [{ id: contactId }] = await t.dataSource.query(
      `INSERT INTO contact (lab_id, organisation_id, full_name, email, phone, role_title) VALUES ($1, $2, $3, $4, $5, 'Directrice') RETURNING id`,
      [tenants.lille.id, organisationId, PERSON.fullName, PERSON.email, PERSON.phone],
    );
    await t.dataSource.query(`INSERT INTO project_partner (project_id, organisation_id, role, contact_id) VALUES ($1, $2, 'partner', $3)`, [
      portfolio.p1.id,
      organisationId,
      contactId,
    ]);
    // An event of the trail naming the person, as a contact's creation writes it.
    await t.dataSource.query(
      `INSERT INTO audit_event (actor_id, actor_email, action, entity_type, entity_id, lab_id, after) VALUES ($1, $2, 'create', 'contact', $3, $4, $5::jsonb)`,
      [tenants.managerLille.id, tenants.managerLille.email, contactId, tenants.lille.id, JSON.stringify(PERSON)],
    );
    [national, directorHdf, directorGe] = await Promise.all([
      signIn(t, tenants.national.email),
      signIn(t, tenants.directorHdf.email),
      signIn(t, tenants.directorGe.email),
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  const report = async (session: Session, query = QUERY): Promise<PortfolioReport> => (await session.get(`/api/v1/reports/portfolio?${query}`).expect(200)).body;

  describe('reads every region', () => {
    it('is signed in as « national », with no lab and no region', async () => {
      const me = (await national.get('/api/v1/auth/me').expect(200)).body;
      expect(me).toMatchObject({ role: 'national', labId: null, regionId: null });
    });

    it('lists the projects of both regions, and of one region with ?region=', async () => {
      const all = (await national.get('/api/v1/projects?pageSize=100').expect(200)).body.items as { labId: string; id: string }[];
      expect(new Set(all.map((p) => p.labId))).toEqual(new Set([tenants.lille.id, tenants.amiens.id, tenants.nancy.id]));
      const ge = (await national.get(`/api/v1/projects?pageSize=100&region=${tenants.ge.id}`).expect(200)).body.items as { id: string }[];
      expect(ge.map((p) => p.id)).toEqual([portfolio.p5.id]);
      await national.get(`/api/v1/projects/${portfolio.p5.id}`).expect(200);
      await national.get(`/api/v1/projects/${portfolio.p1.id}`).expect(200);
    });

    it('reads the pipeline, labs and regions of every region', async () => {
      const summary = (await national.get('/api/v1/pipeline/summary').expect(200)).body;
      const [hdf, ge] = await Promise.all([
        directorHdf.get('/api/v1/pipeline/summary').expect(200),
        directorGe.get('/api/v1/pipeline/summary').expect(200),
      ]);
      expect(summary.total).toBe(hdf.body.total + ge.body.total);
      expect((await national.get(`/api/v1/pipeline/summary?region=${tenants.ge.id}`).expect(200)).body.total).toBe(ge.body.total);
      await national.get(`/api/v1/pipeline/overview?region=${tenants.hdf.id}`).expect(200);
      const labs = (await national.get('/api/v1/labs').expect(200)).body as { id: string }[];
      expect(labs.map((l) => l.id).sort()).toEqual([tenants.lille.id, tenants.amiens.id, tenants.nancy.id].sort());
    });

    it('reports on every region, and on one region exactly as its director does', async () => {
      const [all, hdf, ge] = await Promise.all([report(national), report(directorHdf), report(directorGe)]);
      expect(all.scope.labs.map((l) => l.code)).toEqual(['AMI', 'LIL', 'NAN']);
      expect(all.keyFigures.projects).toBe(hdf.keyFigures.projects + ge.keyFigures.projects);
      expect(all.keyFigures.fundingGrantedCents).toBe(hdf.keyFigures.fundingGrantedCents + ge.keyFigures.fundingGrantedCents);
      const byRegion = await report(national, `${QUERY}&region=${tenants.ge.id}`);
      expect({ ...byRegion, generatedAt: null }).toEqual({ ...ge, generatedAt: null });
      // The director's own region as a filter changes nothing; another region is out of reach, like another lab.
      expect((await report(directorHdf, `${QUERY}&region=${tenants.hdf.id}`)).keyFigures).toEqual(hdf.keyFigures);
      await directorHdf.get(`/api/v1/reports/portfolio?${QUERY}&region=${tenants.ge.id}`).expect(404);
      await national.get(`/api/v1/reports/portfolio?${QUERY}&region=00000000-0000-4000-8000-000000000000`).expect(404);
      const bad = await national.get(`/api/v1/reports/portfolio?${QUERY}&region=nord`).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['region']);
    });
  });

  describe('reads no personal data', () => {
    it('lists no contact and answers 404 for one, its export and its erasure, which stays', async () => {
      expect((await national.get('/api/v1/contacts').expect(200)).body).toMatchObject({ items: [], total: 0 });
      expect((await national.get(`/api/v1/contacts?organisation=${organisationId}`).expect(200)).body.total).toBe(0);
      await national.get(`/api/v1/contacts/${contactId}`).expect(404);
      await national.get(`/api/v1/contacts/${contactId}/export`).expect(404);
      await national.delete(`/api/v1/contacts/${contactId}/erasure`).expect(404);
      expect(await t.dataSource.query(`SELECT full_name FROM contact WHERE id = $1`, [contactId])).toEqual([{ full_name: PERSON.fullName }]);
      // The organisation itself is no personal data.
      await national.get(`/api/v1/organisations/${organisationId}`).expect(200);
    });

    it('reads a partnership without its contact, which the region’s director sees', async () => {
      const partnerOf = async (session: Session) =>
        ((await session.get(`/api/v1/projects/${portfolio.p1.id}/partners`).expect(200)).body as { organisationId: string; contactId: string | null; contactName: string | null }[]).find(
          (p) => p.organisationId === organisationId,
        );
      expect(await partnerOf(directorHdf)).toMatchObject({ contactId, contactName: PERSON.fullName });
      expect(await partnerOf(national)).toMatchObject({ contactId: null, contactName: null });
    });

    it('still reads none when the API forgets its personal-data scope: the database holds the line', async () => {
      jest.spyOn(ProjectAccessPolicy.prototype, 'personalDataScope').mockReturnValue('true');
      jest.spyOn(ProjectAccessPolicy.prototype, 'readsPersonalData').mockReturnValue(true);
      try {
        expect((await national.get('/api/v1/contacts').expect(200)).body.total).toBe(0);
        await national.get(`/api/v1/contacts/${contactId}`).expect(404);
        const partners = (await national.get(`/api/v1/projects/${portfolio.p1.id}/partners`).expect(200)).body as { contactName: string | null }[];
        expect(partners.map((p) => p.contactName).filter(Boolean)).toEqual([]);
      } finally {
        jest.restoreAllMocks();
      }
    });

    it('is refused the audit trail', async () => {
      const res = await national.get('/api/v1/audit').expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      await national.get(`/api/v1/audit?lab=${tenants.lille.id}&entity=contact`).expect(403);
    });

    it('exports reports and project lists that hold no contact data', async () => {
      const leaks = (text: string) => [PERSON.fullName, PERSON.email, PERSON.phone].filter((value) => text.includes(value));
      const zip = await JSZip.loadAsync((await national.get(`/api/v1/reports/portfolio.csv?${QUERY}`).buffer(true).parse(binary).expect(200)).body);
      const csvFiles = await Promise.all(Object.values(zip.files).map((file) => file.async('string')));
      expect(csvFiles.length).toBeGreaterThan(5);
      expect(csvFiles.flatMap(leaks)).toEqual([]);
      for (const path of [`/api/v1/reports/portfolio.xlsx?${QUERY}`, '/api/v1/projects.xlsx']) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await national.get(path).buffer(true).parse(binary).expect(200)).body);
        const cells: string[] = [];
        workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
        expect(cells.join('\n')).toContain('Épicerie solidaire');
        expect(leaks(cells.join('\n'))).toEqual([]);
      }
      const projectsCsv = await national.get('/api/v1/projects.csv').expect(200);
      expect(projectsCsv.text).toContain('Fablab lorrain');
      expect(leaks(projectsCsv.text)).toEqual([]);
      await national.get(`/api/v1/reports/portfolio.pdf?${QUERY}&region=${tenants.hdf.id}`).expect(200).expect('content-type', /application\/pdf/);
    });
  });

  describe('created by an administrator', () => {
    it('needs neither lab nor region, refuses either by name, and reads every region at once', async () => {
      const admin = await signIn(t, tenants.admin.email);
      const account = { email: 'direction.nationale@test.sillon.fr', displayName: 'Nora Nationale', role: 'national', password: 'un bon mot de passe' };
      const refused = await admin.post('/api/v1/users').send({ ...account, labId: tenants.lille.id, regionId: tenants.hdf.id }).expect(400);
      expect(refused.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual(['labId:notAllowedForRole', 'regionId:notAllowedForRole']);
      const created = await admin.post('/api/v1/users').send(account).expect(201);
      expect(created.body).toMatchObject({ role: 'national', labId: null, regionId: null });
      const session = await signIn(t, account.email, account.password);
      const projects = (await session.get('/api/v1/projects?pageSize=100').expect(200)).body.items as { labId: string }[];
      expect(new Set(projects.map((p) => p.labId)).size).toBe(3);
      // A director turned national keeps no region.
      const director = (await admin.get(`/api/v1/users/${tenants.directorGe.id}`).expect(200)).body;
      const changed = await admin.patch(`/api/v1/users/${tenants.directorGe.id}`).send({ version: director.version, role: 'national' }).expect(200);
      expect(changed.body).toMatchObject({ role: 'national', regionId: null });
      await admin.patch(`/api/v1/users/${tenants.directorGe.id}`).send({ version: changed.body.version, role: 'regional_director', regionId: tenants.ge.id }).expect(200);
      directorGe = await signIn(t, tenants.directorGe.email);
    });
  });

  describe('changes nothing', () => {
    const TABLES = ['project', 'stage_transition', 'milestone', 'organisation', 'contact', 'project_partner', 'funding_line', 'lab', 'region', 'app_user'];
    const state = async () => {
      const rows = await Promise.all(TABLES.map((table) => t.dataSource.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table}" x`)));
      const [{ events }] = await t.dataSource.query(`SELECT count(*)::int AS events FROM audit_event`);
      return { tables: rows.map(([r]) => r.h), events };
    };

    it('is refused every write, in French, and nothing is written', async () => {
      const before = await state();
      const [{ version }] = await t.dataSource.query(`SELECT version FROM project WHERE id = $1`, [portfolio.p5.id]);
      const [{ version: orgVersion }] = await t.dataSource.query(`SELECT version FROM organisation WHERE id = $1`, [organisationId]);
      const [{ version: labVersion }] = await t.dataSource.query(`SELECT version FROM lab WHERE id = $1`, [tenants.nancy.id]);
      const writes: [string, number, () => Promise<{ status: number; body: { detail?: string } }>][] = [
        ['create a project', 403, () => national.post('/api/v1/projects').send({ name: 'Projet national' })],
        ['edit a project', 403, () => national.patch(`/api/v1/projects/${portfolio.p5.id}`).send({ version, name: 'Renommé' })],
        ['move a project', 403, () => national.post(`/api/v1/projects/${portfolio.p5.id}/transitions`).send({ to: 'ideation', rationale: 'Décision nationale', criteriaMet: [] })],
        ['log a milestone', 403, () => national.post(`/api/v1/projects/${portfolio.p1.id}/milestones`).send({ title: 'Jalon national', kind: 'workshop', dueOn: '2030-02-01' })],
        ['add funding', 403, () => national.post(`/api/v1/projects/${portfolio.p4.id}/funding`).send({ scheme: 'subvention', amountCents: 100_000 })],
        ['add a partner', 403, () => national.post(`/api/v1/projects/${portfolio.p1.id}/partners`).send({ organisationId, role: 'partner' })],
        ['create an organisation', 403, () => national.post('/api/v1/organisations').send({ name: 'Organisation nationale', type: 'association' })],
        ['edit an organisation', 403, () => national.patch(`/api/v1/organisations/${organisationId}`).send({ version: orgVersion, department: '59' })],
        ['add a contact', 403, () => national.post('/api/v1/contacts').send({ organisationId, fullName: 'Personne Nouvelle', email: 'nouvelle@exemple.fr' })],
        ['edit a contact', 404, () => national.patch(`/api/v1/contacts/${contactId}`).send({ version: 1, roleTitle: 'Trésorière' })],
        ['edit gate criteria', 403, () => national.put(`/api/v1/labs/${tenants.nancy.id}/gate-criteria/ideation`).send({ criteria: [{ label: 'Critère national' }] })],
        ['edit a lab', 403, () => national.patch(`/api/v1/labs/${tenants.nancy.id}`).send({ version: labVersion, departments: ['54'] })],
        ['create an account', 403, () => national.post('/api/v1/users').send({ email: 'x@test.sillon.fr', displayName: 'X', role: 'national', password: 'un bon mot de passe' })],
      ];
      const answers: Record<string, number> = {};
      for (const [name, , send] of writes) {
        const res = await send();
        answers[name] = res.status;
        if (res.status === 403) expect(res.body.detail).toMatch(/ne le modifie pas|Seul|réservé|administration/);
      }
      expect(answers).toEqual(Object.fromEntries(writes.map(([name, status]) => [name, status])));
      expect(await state()).toEqual(before);
    });

    it('says in French that the national direction reads without changing', async () => {
      const [{ version }] = await t.dataSource.query(`SELECT version FROM project WHERE id = $1`, [portfolio.p1.id]);
      const res = await national.patch(`/api/v1/projects/${portfolio.p1.id}`).send({ version, name: 'Renommé' }).expect(403);
      expect(res.body.detail).toBe('La direction nationale consulte le portefeuille mais ne le modifie pas.');
    });
  });
});
