import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { binary } from '../reports/report-fixture';

const HEADERS = [
  'Code',
  'Nom',
  'Lab',
  'Phase',
  'Statut',
  'Santé',
  'Chef·fe de projet',
  'Thèmes',
  'Départements',
  'Date de début',
  'Entrée dans la phase',
  'Jours dans la phase',
  'Mis à jour le',
];

describe('projects export (CSV, XLSX)', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let director: Session;
  let directorGe: Session;
  let admin: Session;
  const codes: Record<string, string> = {};

  const csv = async (session: Session, query: Record<string, string | string[]> = {}) => {
    const res = await session.get('/api/v1/projects.csv').query(query);
    expect(res.status).toBe(200);
    return parse(res.text, { bom: true, delimiter: ';' }) as string[][];
  };

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead, director, directorGe, admin] = await Promise.all(
      [tenants.managerLille, tenants.leadLille, tenants.directorHdf, tenants.directorGe, tenants.admin].map((u) => signIn(t, u.email)),
    );
    const create = async (session: Session, body: object) => (await session.post('/api/v1/projects').send(body).expect(201)).body;
    const epicerie = await create(lead, {
      name: 'Épicerie solidaire mobile',
      themes: ['alimentation_durable', 'inclusion_numerique'],
      departments: ['62', '59'],
      startDate: '2026-02-01',
    });
    const formula = await create(manager, { name: '=HYPERLINK("https://exemple.invalid","Cliquez")', health: 'red', leadId: tenants.lead2Lille.id });
    const mediation = await create(manager, { name: 'Médiation numérique en bibliothèque', health: 'amber' });
    const amiens = await create(await signIn(t, tenants.managerAmiens.email), { name: 'Covoiturage rural' });
    const nancy = await create(await signIn(t, tenants.managerNancy.email), { name: 'Tiers-lieu de Nancy' });
    Object.assign(codes, { epicerie: epicerie.code, formula: formula.code, mediation: mediation.code, amiens: amiens.code, nancy: nancy.code });
  });

  afterAll(async () => {
    await t.close();
  });

  it('writes the list as CSV: UTF-8 with a BOM, ";", French headers and labels, the list’s sort', async () => {
    const res = await manager.get('/api/v1/projects.csv').query({ sort: 'code' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sillon-projets-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text.startsWith('\ufeff')).toBe(true);
    const rows = parse(res.text, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => r[0])).toEqual([codes.epicerie, codes.formula, codes.mediation]);
    const epicerie = rows[1];
    expect(epicerie.slice(0, 10)).toEqual([
      codes.epicerie,
      'Épicerie solidaire mobile',
      'Lab de Lille',
      'Co-design',
      'Actif',
      'Bonne',
      'Léo Lille',
      'Alimentation durable, Inclusion numérique',
      'Pas-de-Calais (62), Nord (59)',
      '2026-02-01',
    ]);
    expect(epicerie[10]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(epicerie[11]).toBe('0');
  });

  it('neutralises a name a spreadsheet would run as a formula', async () => {
    const rows = await csv(manager, { q: 'hyperlink' });
    expect(rows).toHaveLength(2);
    expect(rows[1][1]).toBe(`'=HYPERLINK("https://exemple.invalid","Cliquez")`);
  });

  it('applies the list’s filters and search: the same projects as the list', async () => {
    const queries: Record<string, string>[] = [{ health: 'red' }, { q: 'bibliotheque mediation' }, { lead: tenants.leadLille.id }, { department: '59' }, { stage: 'ideation' }];
    for (const query of queries) {
      const list = (await manager.get('/api/v1/projects').query({ ...query, pageSize: 200 }).expect(200)).body.items.map((p: { code: string }) => p.code);
      const exported = (await csv(manager, query)).slice(1).map((r) => r[0]);
      expect([query, exported]).toEqual([query, list]);
    }
    expect((await csv(manager, { q: 'bibliotheque mediation' })).slice(1).map((r) => r[1])).toEqual(['Médiation numérique en bibliothèque']);
  });

  it('holds only what the caller may read, whatever the filters ask', async () => {
    const codesOf = async (session: Session, query: Record<string, string> = {}) => (await csv(session, query)).slice(1).map((r) => r[0]).sort();
    expect(await codesOf(lead)).toEqual([codes.epicerie, codes.formula, codes.mediation].sort());
    expect(await codesOf(director)).toEqual([codes.epicerie, codes.formula, codes.mediation, codes.amiens].sort());
    expect(await codesOf(directorGe)).toEqual([codes.nancy]);
    // Another lab's id in the filter selects nothing of it.
    expect(await codesOf(manager, { lab: tenants.amiens.id })).toEqual([]);
    expect(await codesOf(directorGe, { lab: tenants.lille.id })).toEqual([]);
    await admin.get('/api/v1/projects.csv').expect(403);
    await admin.get('/api/v1/projects.xlsx').expect(403);
    const anonymous = await t.http().get('/api/v1/projects.csv');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('adds archived projects for a lab manager who asks, with their date; refuses others', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM project WHERE code = $1`, [codes.mediation]);
    await manager.delete(`/api/v1/projects/${id}`).expect(200);
    expect((await csv(manager)).slice(1).map((r) => r[0])).not.toContain(codes.mediation);
    const withArchived = await csv(manager, { archived: 'true' });
    expect(withArchived[0]).toEqual([...HEADERS, 'Archivé le']);
    const archived = withArchived.find((r) => r[0] === codes.mediation);
    expect(archived?.[HEADERS.length]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const refused = await lead.get('/api/v1/projects.csv').query({ archived: 'true' }).expect(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers bad filters with a 400 naming each field, before any file', async () => {
    const res = await manager.get('/api/v1/projects.csv').query({ stage: 'nowhere', page: '2', separator: 'tab' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['page', 'separator', 'stage']);
    const xlsx = await manager.get('/api/v1/projects.xlsx').query({ separator: 'comma' });
    expect(xlsx.status).toBe(400);
  });

  it('writes "," CSV on request', async () => {
    const res = await manager.get('/api/v1/projects.csv').query({ separator: 'comma', q: 'epicerie' }).expect(200);
    const rows = parse(res.text, { bom: true, delimiter: ',' }) as string[][];
    expect(rows[1][1]).toBe('Épicerie solidaire mobile');
  });

  it('writes the list as XLSX: the filters on a summary sheet, then the projects with typed cells', async () => {
    const res = await manager.get('/api/v1/projects.xlsx').query({ health: ['green', 'red'], sort: 'code' }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sillon-projets-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Synthèse', 'Projets']);
    const summary: Record<string, ExcelJS.CellValue> = {};
    workbook.getWorksheet('Synthèse')?.eachRow((row) => {
      summary[String(row.getCell(1).value)] = row.getCell(2).value;
    });
    expect(summary).toMatchObject({ Projets: 2, Santé: 'Bonne, En difficulté', Recherche: '—', 'Projets archivés': 'Exclus' });
    const sheet = workbook.getWorksheet('Projets');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet?.rowCount).toBe(3);
    const first = sheet?.getRow(2);
    expect(first?.getCell(1).value).toBe(codes.epicerie);
    expect(first?.getCell(10).value).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(first?.getCell(12).value).toBe(0);
    expect(sheet?.getRow(3).getCell(2).value).toBe(`'=HYPERLINK("https://exemple.invalid","Cliquez")`);
  });

  it('writes each export to the audit trail with its filters and row count', async () => {
    const before = Number((await t.dataSource.query(`SELECT count(*) FROM audit_event WHERE action = 'export' AND entity_type = 'project'`))[0].count);
    await csv(director, { health: 'amber' });
    const [event] = await t.dataSource.query(
      `SELECT actor_email, after FROM audit_event WHERE action = 'export' AND entity_type = 'project' ORDER BY occurred_at DESC, id DESC LIMIT 1`,
    );
    expect(Number((await t.dataSource.query(`SELECT count(*) FROM audit_event WHERE action = 'export' AND entity_type = 'project'`))[0].count)).toBe(before + 1);
    expect(event).toMatchObject({ actor_email: tenants.directorHdf.email, after: { format: 'csv', separator: 'semicolon', filters: { health: ['amber'] }, rows: 0 } });
  });
});
