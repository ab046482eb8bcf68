import type { PortfolioReport } from '@sillon/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { seedTenants, SeededTenants, Session, signIn, TEST_HOST, TEST_ORIGIN } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { binary, insertMilestone, insertProjectWithHistory, seedPortfolio } from './report-fixture';

const QUERY = 'from=2026-01-01&to=2026-06-30&asOf=2026-06-30';
const FORMATS = ['csv', 'xlsx', 'pdf'] as const;

// Payloads a spreadsheet would run as formulas, put in a project name and a milestone title.
const PAYLOADS = ['=HYPERLINK("http://x","y")', '@SUM(1+1)', '+1', '-1', '\t=1+1', '\r=1+1'];

const parisToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('portfolio reports: who, what and how it is recorded', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    await seedPortfolio(t, tenants);
    // Injection payloads, in Amiens (Hauts-de-France) so that the region's director exports them.
    for (const [i, payload] of PAYLOADS.entries()) {
      const project = await insertProjectWithHistory(t, tenants.labs.amiens, { code: `AMI-2026-10${i}`, name: payload, departments: ['80'] }, [
        { on: '2026-02-01', from: null, to: 'co_design' },
      ]);
      await insertMilestone(t, project, { title: payload, kind: 'workshop', dueOn: '2026-03-01' });
    }
    for (const key of ['directorHdf', 'directorGe', 'managerLille', 'managerNancy', 'leadLille', 'admin'] as const) {
      sessions[key] = await signIn(t, tenants.users[key].email);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  // The file makes more exports per person than the per-minute limit allows: each test starts with
  // the counters empty (the limit itself is tested in reports-rate-limit.spec.ts).
  beforeEach(async () => {
    await t.dataSource.query(`DELETE FROM throttle_counter`);
  });

  const json = async (session: Session, query = QUERY): Promise<PortfolioReport> => {
    const res = await session.get(`/api/v1/reports/portfolio?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  const exportCount = async (): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'export' AND entity_type = 'report'`))[0].n;

  describe('access', () => {
    it.each(['', '.csv', '.xlsx', '.pdf'])('answers 401 to anonymous callers on portfolio%s', async (suffix) => {
      const res = await t.http().get(`/api/v1/reports/portfolio${suffix}`).set('Host', TEST_HOST).set('Origin', TEST_ORIGIN);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it.each(['', '.csv', '.xlsx', '.pdf'])('answers 403 to a project lead and to an admin on portfolio%s, and records nothing', async (suffix) => {
      const before = await exportCount();
      for (const who of ['leadLille', 'admin']) {
        const res = await sessions[who].get(`/api/v1/reports/portfolio${suffix}?${QUERY}`);
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.detail).toMatch(/réservés|administration/);
      }
      expect(await exportCount()).toBe(before);
    });

    it('answers 404 for a lab outside the caller’s reach, on the JSON and every export', async () => {
      const cases: [string, string][] = [
        ['directorHdf', tenants.labs.nancy.id],
        ['managerLille', tenants.labs.amiens.id],
        ['directorGe', tenants.labs.lille.id],
        ['directorHdf', '00000000-0000-4000-8000-000000000000'],
      ];
      for (const [who, lab] of cases) {
        for (const suffix of ['', '.csv', '.xlsx', '.pdf']) {
          const res = await sessions[who].get(`/api/v1/reports/portfolio${suffix}?${QUERY}&lab=${lab}`);
          expect({ who, suffix, status: res.status }).toEqual({ who, suffix, status: 404 });
          expect(res.body.detail).toBe("Ce lab n'existe pas ou n'est pas accessible.");
        }
      }
    });
  });

  describe('region boundary', () => {
    it('gives each director exactly their region’s projects, in the JSON and in every export', async () => {
      const hdf = await json(sessions.directorHdf);
      const ge = await json(sessions.directorGe);
      const hdfLabs = new Set(['AMI', 'LIL']);
      expect(hdf.projects.length).toBeGreaterThan(0);
      expect(hdf.projects.every((p) => hdfLabs.has(p.labCode))).toBe(true);
      expect(ge.projects.map((p) => p.code)).toEqual(['NAN-2026-001']);

      for (const [who, r] of [
        ['directorHdf', hdf],
        ['directorGe', ge],
      ] as const) {
        const projects = await sessions[who].get(`/api/v1/reports/portfolio.csv?${QUERY}&table=projects`);
        const rows = parse(projects.text, { bom: true, delimiter: ';' }) as string[][];
        expect(rows.slice(1).map((row) => row[0])).toEqual(r.projects.map((p) => p.code));

        const milestones = await sessions[who].get(`/api/v1/reports/portfolio.csv?${QUERY}&table=milestones`);
        const milestoneRows = parse(milestones.text, { bom: true, delimiter: ';' }) as string[][];
        expect(milestoneRows).toHaveLength(1 + r.milestoneRows);
        const codes = new Set(r.projects.map((p) => p.code));
        expect(milestoneRows.slice(1).filter((row) => !codes.has(row[0]))).toEqual([]);

        const xlsx = await sessions[who].get(`/api/v1/reports/portfolio.xlsx?${QUERY}`).buffer(true).parse(binary);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(xlsx.body);
        const sheetCodes: string[] = [];
        workbook.getWorksheet('Projets')?.eachRow((row, n) => n > 1 && sheetCodes.push(String(row.getCell(1).value)));
        expect(sheetCodes).toEqual(r.projects.map((p) => p.code));
      }
      // Nancy's 100 participants are Grand Est's only.
      expect(ge.keyFigures.participants).toBe(100);
      expect(hdf.keyFigures.participants).toBe(45);
    });
  });

  describe('exports', () => {
    it('names every file on the server, with today’s date in Paris', async () => {
      const today = parisToday();
      const expected = {
        '.csv': `sillon-rapport-${today}.zip`,
        '.xlsx': `sillon-rapport-${today}.xlsx`,
        '.pdf': `sillon-rapport-${today}.pdf`,
      };
      for (const [suffix, filename] of Object.entries(expected)) {
        const res = await sessions.managerLille.get(`/api/v1/reports/portfolio${suffix}?${QUERY}`).buffer(true).parse(binary);
        expect(res.status).toBe(200);
        expect(res.headers['content-disposition']).toBe(`attachment; filename="${filename}"`);
        expect(res.headers['cache-control']).toBe('no-store');
      }
      const one = await sessions.managerLille.get(`/api/v1/reports/portfolio.csv?${QUERY}&table=byStage`);
      expect(one.headers['content-disposition']).toBe(`attachment; filename="sillon-rapport-${today}-projets-par-etape.csv"`);
    });

    it('writes each export to the audit trail with its format and query, and not the JSON view', async () => {
      const before = await exportCount();
      await json(sessions.directorHdf);
      expect(await exportCount()).toBe(before);
      for (const format of FORMATS) {
        const res = await sessions.directorHdf.get(`/api/v1/reports/portfolio.${format}?${QUERY}&stage=ideation`).buffer(true).parse(binary);
        expect(res.status).toBe(200);
      }
      const events = await t.dataSource.query(
        `SELECT actor_id, actor_email, after FROM audit_event WHERE action = 'export' AND entity_type = 'report' ORDER BY occurred_at DESC, id DESC LIMIT 3`,
      );
      expect(await exportCount()).toBe(before + 3);
      expect(events.map((e: { after: { format: string } }) => e.after.format).sort()).toEqual(['csv', 'pdf', 'xlsx']);
      for (const event of events) {
        expect(event.actor_id).toBe(tenants.directorHdf.id);
        expect(event.actor_email).toBe(tenants.directorHdf.email);
        expect(event.after.scope).toMatchObject({ from: '2026-01-01', to: '2026-06-30', asOf: '2026-06-30', stages: ['ideation'] });
      }
    });

    it('neutralises formula payloads in CSV and XLSX cells', async () => {
      const expected = PAYLOADS.map((p) => `'${p}`);
      const csv = await sessions.directorHdf.get(`/api/v1/reports/portfolio.csv?${QUERY}&lab=${tenants.labs.amiens.id}`).buffer(true).parse(binary);
      const zip = await JSZip.loadAsync(csv.body);
      const readFile = async (name: string) => {
        const file = zip.file(name);
        if (!file) throw new Error(`no ${name} in the zip`);
        return parse(await file.async('nodebuffer'), { bom: true, delimiter: ';' }) as string[][];
      };
      const read = (slug: string) => readFile(Object.keys(zip.files).find((n) => n.endsWith(`-${slug}.csv`)) ?? slug);
      const projectNames = (await read('projets')).map((row) => row[1]);
      const milestoneTitles = (await read('jalons')).map((row) => row[2]);
      for (const value of expected) {
        expect(projectNames).toContain(value);
        expect(milestoneTitles).toContain(value);
      }
      // No cell of any table starts with a formula character.
      for (const name of Object.keys(zip.files)) {
        const rows = await readFile(name);
        for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+@\t\r]/);
      }

      const xlsx = await sessions.directorHdf.get(`/api/v1/reports/portfolio.xlsx?${QUERY}&lab=${tenants.labs.amiens.id}`).buffer(true).parse(binary);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body);
      const names: unknown[] = [];
      workbook.getWorksheet('Projets')?.eachRow((row) => names.push(row.getCell(2).value));
      const titles: unknown[] = [];
      workbook.getWorksheet('Détail des jalons')?.eachRow((row) => titles.push(row.getCell(3).value));
      // XML readers normalise a raw carriage return to a line feed: the apostrophe still leads.
      for (const value of expected.map((v) => v.replace('\r', '\n'))) {
        expect(names).toContain(value);
        expect(titles).toContain(value);
      }
      // And no cell anywhere holds a formula.
      for (const sheet of workbook.worksheets) {
        sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
      }
    });
  });

  describe('bad input', () => {
    it.each([
      ['from=2026-02-30', ['from']],
      ['to=27/11/2026', ['to']],
      ['asOf=demain', ['asOf']],
      ['from=2026-06-01&to=2026-05-01', ['from', 'to']],
      ['lab=not-a-uuid', ['lab']],
      ['stage=launch', ['stage']],
      ['status=archived', ['status']],
      ['theme=cuisine', ['theme']],
      ['department=99', ['department']],
      ['table=projects', ['table']],
      ['unknown=1', ['unknown']],
    ])('refuses ?%s on the JSON report, naming %j', async (query, fields) => {
      const res = await sessions.directorHdf.get(`/api/v1/reports/portfolio?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(fields);
    });

    it.each([
      ['csv', 'table=everything', 'table'],
      ['csv', 'separator=tab', 'separator'],
      ['xlsx', 'separator=comma', 'separator'],
      ['pdf', 'table=projects', 'table'],
    ])('refuses a bad %s query (%s) with a 400 and records no export', async (format, query, field) => {
      const before = await exportCount();
      const res = await sessions.directorHdf.get(`/api/v1/reports/portfolio.${format}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(await exportCount()).toBe(before);
    });
  });
});
