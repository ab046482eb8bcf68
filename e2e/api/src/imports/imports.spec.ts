import ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS, ImportReport } from '@sillon/contracts';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { insertProject } from '../milestones/project-fixture';

// A CSV as a French spreadsheet saves it: ';' between cells, CRLF, UTF-8 with its BOM.
const csv = (rows: string[][], { bom = true, delimiter = ';' } = {}) =>
  Buffer.from(`${bom ? '\uFEFF' : ''}${rows.map((r) => r.map((c) => (/[;,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n')}\r\n`, 'utf8');

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Suivi');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const PROJECT_MAPPING = { name: 'Nom du projet', code: 'Code', stage: 'Étape', departments: 'Départements', startDate: 'Date de début' };
const PROJECT_HEADER = ['Code', 'Nom du projet', 'Étape', 'Départements', 'Date de début'];

describe('Imports', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let nancy: Session;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, nancy] = await Promise.all([signIn(t, tenants.managerLille.email), signIn(t, tenants.managerNancy.email)]);
  });

  afterAll(async () => {
    await t.close();
  });

  const send = (session: Session, path: string, file: Buffer | null, fields: Record<string, unknown>, name = 'suivi.csv') => {
    let req = session.post(`/api/v1/imports${path}`);
    for (const [key, value] of Object.entries(fields)) req = req.field(key, typeof value === 'string' ? value : JSON.stringify(value));
    return file ? req.attach('file', file, name) : req;
  };
  const projectCount = async (labId: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM project WHERE lab_id = $1`, [labId]))[0].n as number;

  it('analyses a CSV: columns, first rows and a mapping suggested from French headers', async () => {
    const file = csv([
      ['NOM DU PROJET', 'etape', 'Date prévue', 'Commentaire'],
      ['Tiers-lieu de Fives', 'Idéation', '27/11/2026', 'à voir'],
    ]);
    const res = await send(manager, '/analyse', file, { kind: 'projects' }).expect(200);
    expect(res.body).toEqual({
      kind: 'projects',
      fileName: 'suivi.csv',
      columns: ['NOM DU PROJET', 'etape', 'Date prévue', 'Commentaire'],
      sample: [['Tiers-lieu de Fives', 'Idéation', '27/11/2026', 'à voir']],
      rowCount: 1,
      suggestedMapping: { name: 'NOM DU PROJET', stage: 'etape' },
    });
    const milestones = await send(manager, '/analyse', file, { kind: 'milestones' }).expect(200);
    expect(milestones.body.suggestedMapping).toMatchObject({ dueOn: 'Date prévue' });
  });

  it('reads a Windows-1252 CSV with commas', async () => {
    const file = Buffer.from('Nom du projet,Étape\r\nCafé des aidants,Idéation\r\n', 'latin1');
    const res = await send(manager, '/analyse', file, { kind: 'projects' }).expect(200);
    expect(res.body.columns).toEqual(['Nom du projet', 'Étape']);
    expect(res.body.sample).toEqual([['Café des aidants', 'Idéation']]);
  });

  it('dry-runs row by row in French, with the line numbers of the spreadsheet, and writes nothing', async () => {
    const before = await projectCount(tenants.lille.id);
    const file = csv([
      PROJECT_HEADER,
      ['A-1', 'Repair café', 'Co-design', '59', '27/11/2026'],
      ['A-2', 'Atelier vélo', 'Prototype', '59, 62', '2026-11-27'],
      ['', '', '', '', ''],
      ['A-3', '', 'Idéation', '99', '31/02/2026'],
      ['A-1', 'Repair café bis', 'Idéation', 'Nord (59)', ''],
    ]);
    const res = await send(manager, '/dry-run', file, { kind: 'projects', mapping: PROJECT_MAPPING }).expect(200);
    const report = res.body as ImportReport;
    expect(report).toMatchObject({ kind: 'projects', dryRun: true, total: 4, created: 1, unchanged: 0, errors: 3 });
    // Errors first, then by line.
    expect(report.rows.map((r) => [r.line, r.status])).toEqual([
      [3, 'error'],
      [5, 'error'],
      [6, 'error'],
      [2, 'create'],
    ]);
    expect(report.rows[0].messages).toEqual([
      "Ligne 3, colonne « Étape » : « Prototype » n'est pas une étape connue (Co-design, Idéation, Prototypage, Incubation, Changement d'échelle).",
    ]);
    expect(report.rows[1].messages).toEqual([
      'Ligne 5, colonne « Nom du projet » : ce champ est obligatoire.',
      "Ligne 5, colonne « Départements » : « 99 » n'est pas un département (code INSEE comme 59, 2A, 974, ou son nom).",
      "Ligne 5, colonne « Date de début » : « 31/02/2026 » n'est pas une date (attendu : 27/11/2026 ou 2026-11-27).",
    ]);
    expect(report.rows[2].messages).toEqual(['Ligne 6 : ce projet figure déjà à la ligne 2 du fichier.']);
    expect(await projectCount(tenants.lille.id)).toBe(before);
  });

  it('imports all or nothing: one bad row among good ones is a 400 naming it, and nothing is written', async () => {
    const before = await projectCount(tenants.lille.id);
    const audits = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'import'`))[0].n;
    const file = csv([PROJECT_HEADER, ['B-1', 'Bon projet', 'Idéation', '59', ''], ['B-2', 'Mauvais projet', 'Prototype', '59', ''], ['B-3', 'Autre bon', '', '', '']]);
    const res = await send(manager, '', file, { kind: 'projects', mapping: PROJECT_MAPPING }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('urn:sillon:problem:import-rows-invalid');
    expect(res.body.detail).toBe("1 ligne du fichier ne peut pas être importée : rien n'a été importé.");
    expect(res.body.errors).toEqual([
      { field: 'rows.3', code: 'importRow', message: "Ligne 3, colonne « Étape » : « Prototype » n'est pas une étape connue (Co-design, Idéation, Prototypage, Incubation, Changement d'échelle)." },
    ]);
    expect(await projectCount(tenants.lille.id)).toBe(before);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'import'`))[0].n).toBe(audits);
  });

  it('imports an XLSX into the manager’s lab, audited, and importing it again creates nothing', async () => {
    const other = await insertProject(t, tenants.nancy, { name: 'Projet de Nancy' });
    const file = await xlsx([
      ['Code', 'Nom du projet', 'Étape', 'Départements', 'Date de début', 'Thématiques'],
      ['X-1', 'Épicerie solidaire', 'incubation', 59, new Date(Date.UTC(2026, 10, 27)), 'Alimentation durable; emploi'],
      ['X-2', 'Fablab mobile', 'Prototypage', '62', 46353, ''],
      // A code another lab's project bears: this lab gets its own project, the other is not touched.
      [other.code, 'Homonyme', 'Co-design', '', '', ''],
    ]);
    const mapping = { ...PROJECT_MAPPING, themes: 'Thématiques' };
    const before = await projectCount(tenants.lille.id);
    const dry = await send(manager, '/dry-run', file, { kind: 'projects', mapping }, 'suivi.xlsx').expect(200);
    expect(dry.body).toMatchObject({ total: 3, created: 3, unchanged: 0, errors: 0 });
    const res = await send(manager, '', file, { kind: 'projects', mapping }, 'suivi.xlsx').expect(201);
    expect(res.body).toMatchObject({ dryRun: false, total: 3, created: 3, unchanged: 0, errors: 0 });
    expect(await projectCount(tenants.lille.id)).toBe(before + 3);
    // The pipeline's counts (kept by a trigger per statement for inserts) follow the imported projects.
    const counts = await t.dataSource.query(
      `SELECT c.stage, c.status, c.count, (SELECT count(*)::int FROM project p WHERE p.lab_id = c.lab_id AND p.stage = c.stage AND p.status = c.status AND p.archived_at IS NULL) AS actual
         FROM pipeline_count c WHERE c.lab_id = $1`,
      [tenants.lille.id],
    );
    expect(counts.filter((c: { count: number; actual: number }) => c.count !== c.actual)).toEqual([]);
    expect(counts.find((c: { stage: string }) => c.stage === 'incubation')?.count).toBeGreaterThanOrEqual(1);
    const list = await manager.get('/api/v1/projects').query({ q: 'epicerie solidaire' }).expect(200);
    expect(list.body.items).toHaveLength(1);
    const project = (await manager.get(`/api/v1/projects/${list.body.items[0].id}`).expect(200)).body;
    expect(project).toMatchObject({
      labId: tenants.lille.id,
      stage: 'incubation',
      status: 'active',
      departments: ['59'],
      startDate: '2026-11-27',
      themes: ['alimentation_durable', 'emploi'],
    });
    expect(project.code).toMatch(new RegExp(`^${tenants.lille.code}-\\d{4}-\\d{3}$`));
    const [fablab] = await t.dataSource.query(`SELECT to_char(start_date, 'YYYY-MM-DD') AS start FROM project WHERE name = 'Fablab mobile'`);
    expect(fablab.start).toBe('2026-11-27');
    const [history] = await t.dataSource.query(`SELECT to_stage, rationale FROM stage_transition WHERE project_id = $1`, [project.id]);
    expect(history).toEqual({ to_stage: 'incubation', rationale: 'Import depuis le tableur du lab' });
    // The other lab's project is as it was.
    const [untouched] = await t.dataSource.query(`SELECT name, lab_id, version FROM project WHERE id = $1`, [other.id]);
    expect(untouched).toEqual({ name: 'Projet de Nancy', lab_id: tenants.nancy.id, version: 1 });
    // One event for the import with its counts, one per project created.
    const [summary] = await t.dataSource.query(`SELECT actor_id, lab_id, after FROM audit_event WHERE action = 'import' AND entity_type = 'import' ORDER BY id DESC LIMIT 1`);
    expect(summary).toEqual({ actor_id: tenants.managerLille.id, lab_id: tenants.lille.id, after: { kind: 'projects', fileName: 'suivi.xlsx', total: 3, created: 3, unchanged: 0 } });
    const perRecord = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'import' AND entity_type = 'project' AND entity_id = $1`, [project.id]);
    expect(perRecord[0].n).toBe(1);

    const again = await send(manager, '', file, { kind: 'projects', mapping }, 'suivi.xlsx').expect(201);
    expect(again.body).toMatchObject({ total: 3, created: 0, unchanged: 3, errors: 0 });
    expect(again.body.rows.map((r: { status: string }) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await projectCount(tenants.lille.id)).toBe(before + 3);
    // Another lab's manager importing the same file gets their own projects.
    const nancyBefore = await projectCount(tenants.nancy.id);
    await send(nancy, '', file, { kind: 'projects', mapping }, 'suivi.xlsx').expect(201);
    expect(await projectCount(tenants.nancy.id)).toBe(nancyBefore + 2);
  });

  it('recognises projects by name when no code is mapped, and a hand-made project of the same name', async () => {
    await insertProject(t, tenants.lille, { name: 'Maison du vélo' });
    const file = csv([['Nom du projet'], ['Maison du Vélo'], ['Jardin partagé']]);
    const first = await send(manager, '', file, { kind: 'projects', mapping: { name: 'Nom du projet' } }).expect(201);
    expect(first.body).toMatchObject({ created: 1, unchanged: 1 });
    const second = await send(manager, '', file, { kind: 'projects', mapping: { name: 'Nom du projet' } }).expect(201);
    expect(second.body).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('leaves a project of the lab alone when the file names it by its Sillon code', async () => {
    const existing = await insertProject(t, tenants.lille, { name: 'Conciergerie solidaire', stage: 'incubation' });
    const file = csv([['Code', 'Nom du projet', 'Étape'], [existing.code.toLowerCase(), 'Autre nom dans le tableur', 'Co-design']]);
    const res = await send(manager, '', file, { kind: 'projects', mapping: { code: 'Code', name: 'Nom du projet', stage: 'Étape' } }).expect(201);
    expect(res.body).toMatchObject({ created: 0, unchanged: 1 });
    const [row] = await t.dataSource.query(`SELECT name, stage, version, import_key FROM project WHERE id = $1`, [existing.id]);
    expect(row).toEqual({ name: 'Conciergerie solidaire', stage: 'incubation', version: 1, import_key: null });
  });

  it('imports milestones against the lab’s projects, by code or name, and again creates nothing', async () => {
    const project = await insertProject(t, tenants.lille, { name: 'Ressourcerie', stage: 'prototyping' });
    const foreign = await insertProject(t, tenants.nancy, { name: 'Ressourcerie de Nancy' });
    const file = csv([
      ['Projet', 'Jalon', 'Type', 'Date prévue', 'Participants'],
      [project.code, 'Atelier de lancement', 'Atelier', '27/11/2026', '1 200'],
      ['ressourcerie', 'Comité', 'Décision', '2026-12-15', ''],
      [foreign.code, 'Hors lab', 'Décision', '2026-12-15', ''],
    ]);
    const mapping = { project: 'Projet', title: 'Jalon', kind: 'Type', dueOn: 'Date prévue', participantCount: 'Participants' };
    const dry = await send(manager, '/dry-run', file, { kind: 'milestones', mapping }).expect(200);
    expect(dry.body.rows[0]).toEqual({
      line: 4,
      status: 'error',
      label: `${foreign.code} · Hors lab`,
      messages: [`Ligne 4, colonne « Projet » : aucun projet du lab n'a pour code ou pour nom « ${foreign.code} ».`],
    });
    const good = csv([
      ['Projet', 'Jalon', 'Type', 'Date prévue', 'Participants'],
      [project.code, 'Atelier de lancement', 'Atelier', '27/11/2026', '1 200'],
      ['ressourcerie', 'Comité', 'Décision', '2026-12-15', ''],
    ]);
    await send(manager, '', good, { kind: 'milestones', mapping }).expect(201);
    const rows = await t.dataSource.query(
      `SELECT title, kind, stage, to_char(due_on, 'YYYY-MM-DD') AS due, participant_count, lab_id FROM milestone WHERE project_id = $1 ORDER BY due_on`,
      [project.id],
    );
    expect(rows).toEqual([
      { title: 'Atelier de lancement', kind: 'workshop', stage: 'prototyping', due: '2026-11-27', participant_count: 1200, lab_id: tenants.lille.id },
      { title: 'Comité', kind: 'decision', stage: 'prototyping', due: '2026-12-15', participant_count: null, lab_id: tenants.lille.id },
    ]);
    const again = await send(manager, '', good, { kind: 'milestones', mapping }).expect(201);
    expect(again.body).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('imports organisations keyed by SIRET (Luhn-checked) or name', async () => {
    const file = csv(
      [
        ['Raison sociale', 'Catégorie', 'SIRET', 'Département'],
        ['Régie de quartier', 'Association', '732 829 320 00074', '59'],
        ['CCAS de Roubaix', 'collectivité', '', 'Nord'],
        ['Mauvais SIRET', 'ESS', '73282932000075', ''],
      ],
      { delimiter: ',', bom: false },
    );
    const mapping = { name: 'Raison sociale', type: 'Catégorie', siret: 'SIRET', department: 'Département' };
    const bad = await send(manager, '', file, { kind: 'organisations', mapping }).expect(400);
    expect(bad.body.errors.map((e: { message: string }) => e.message)).toEqual([
      "Ligne 4, colonne « SIRET » : « 73282932000075 » n'est pas un SIRET valide (14 chiffres avec une clé de contrôle valide).",
    ]);
    const good = csv(
      [
        ['Raison sociale', 'Catégorie', 'SIRET', 'Département'],
        ['Régie de quartier', 'Association', '732 829 320 00074', '59'],
        ['CCAS de Roubaix', 'collectivité', '', 'Nord'],
      ],
      { delimiter: ',' },
    );
    expect((await send(manager, '', good, { kind: 'organisations', mapping }).expect(201)).body).toMatchObject({ created: 2 });
    const found = await manager.get('/api/v1/organisations').query({ q: 'regie quartier' }).expect(200);
    expect(found.body.items[0]).toMatchObject({ siret: '73282932000074', type: 'association', department: '59', labId: tenants.lille.id });
    expect((await send(manager, '', good, { kind: 'organisations', mapping }).expect(201)).body).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('answers 400 naming the field for a missing file, a wrong kind, a bad mapping, an unreadable file', async () => {
    const file = csv([['Nom du projet'], ['Un projet']]);
    const fields = async (res: { body: { errors: { field: string; code: string }[] } }) => res.body.errors.map((e) => [e.field, e.code]);
    expect(await fields(await send(manager, '/dry-run', null, { kind: 'projects', mapping: { name: 'Nom du projet' } }).expect(400))).toEqual([['file', 'isNotEmpty']]);
    expect(await fields(await send(manager, '/analyse', file, { kind: 'budgets' }).expect(400))).toEqual([['kind', 'isIn']]);
    expect(await fields(await send(manager, '/dry-run', file, { kind: 'projects', mapping: { code: 'Code' } }).expect(400))).toEqual([
      ['mapping.code', 'unknownColumn'],
      ['mapping.name', 'isNotEmpty'],
    ]);
    expect(await fields(await send(manager, '/dry-run', file, { kind: 'projects', mapping: 'pas du json' }).expect(400))).toEqual([['mapping', 'isNotEmpty']]);
    expect(await fields(await send(manager, '/analyse', Buffer.from('PK\u0003\u0004pas un classeur'), { kind: 'projects' }, 'x.xlsx').expect(400))).toEqual([['file', 'unreadableFile']]);
  });

  it('refuses more than 20,000 rows and more than 10 Mo, with a clear 400', async () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `P${i}`).join('\n');
    const tooMany = await send(manager, '/analyse', Buffer.from(`Nom du projet\n${rows}\n`), { kind: 'projects' }).expect(400);
    expect(tooMany.body.errors).toEqual([
      { field: 'file', code: 'tooManyRows', message: 'Le fichier compte 20\u202f001 lignes : 20\u202f000 au plus par import. Découpez-le en plusieurs fichiers.' },
    ]);
    const large = await send(manager, '/analyse', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), { kind: 'projects' }).expect(400);
    expect(large.body.errors).toEqual([{ field: 'file', code: 'fileTooLarge', message: 'Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.' }]);
  });

  it('lets only lab managers import: 403 for the other roles, 401 anonymous', async () => {
    const file = csv([['Nom du projet'], ['Un projet']]);
    for (const email of [tenants.leadLille.email, tenants.directorHdf.email, tenants.admin.email]) {
      const session = await signIn(t, email);
      await send(session, '/analyse', file, { kind: 'projects' }).expect(403);
      await send(session, '', file, { kind: 'projects', mapping: { name: 'Nom du projet' } }).expect(403);
    }
    await t.http().post('/api/v1/imports/analyse').attach('file', file, 'suivi.csv').field('kind', 'projects').expect(401);
  });
});
