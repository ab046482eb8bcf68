import type { PortfolioReport } from '@sillon/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { binary, Portfolio, seedPortfolio } from './report-fixture';

const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const FIRST_HALF = 'from=2026-01-01&to=2026-06-30&asOf=2026-06-30';
const YEAR_2025 = 'from=2025-01-01&to=2025-12-31&asOf=2025-12-31';

describe('portfolio report figures (hand-computed fixture)', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let portfolio: Portfolio;
  let director: Session;
  let manager: Session;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    portfolio = await seedPortfolio(t, tenants);
    director = await signIn(t, tenants.directorHdf.email);
    manager = await signIn(t, tenants.managerLille.email);
  });

  afterAll(async () => {
    await t.close();
  });

  const report = async (session: Session, query: string): Promise<PortfolioReport> => {
    const res = await session.get(`/api/v1/reports/portfolio?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  describe('first half of 2026, as of 30/06/2026, for the Hauts-de-France director', () => {
    let r: PortfolioReport;
    beforeAll(async () => {
      r = await report(director, FIRST_HALF);
    });

    it('covers the region: Amiens and Lille, not Nancy; P6 did not exist yet', () => {
      expect(r.scope).toMatchObject({ from: '2026-01-01', to: '2026-06-30', asOf: '2026-06-30' });
      expect(r.scope.labs.map((l) => l.code)).toEqual(['AMI', 'LIL']);
      expect(r.projects.map((p) => p.code)).toEqual(['AMI-2025-001', 'LIL-2025-001', 'LIL-2025-002', 'LIL-2026-001']);
      expect(r.projects.map((p) => p.id)).not.toContain(portfolio.p5.id);
      expect(r.projects.map((p) => p.id)).not.toContain(portfolio.p6.id);
    });

    it('counts projects by stage and status as they stood: P3 was stopped in May', () => {
      expect(r.byStage).toEqual([
        { stage: 'co_design', count: 0 },
        { stage: 'ideation', count: 3 },
        { stage: 'prototyping', count: 1 },
        { stage: 'incubation', count: 0 },
        { stage: 'scale_up', count: 0 },
      ]);
      expect(r.byStatus).toEqual([
        { status: 'active', count: 3 },
        { status: 'on_hold', count: 0 },
        { status: 'stopped', count: 1 },
        { status: 'scaled', count: 0 },
      ]);
      expect(r.projects.find((p) => p.code === 'LIL-2025-001')).toMatchObject({ stage: 'ideation', status: 'active', leadName: 'Léo Lille', labCode: 'LIL' });
    });

    it('counts projects under each of their themes and départements', () => {
      expect(r.byTheme).toEqual([
        { theme: 'alimentation_durable', count: 2 },
        { theme: 'emploi', count: 2 },
        { theme: 'inclusion_numerique', count: 1 },
        { theme: 'mobilite', count: 1 },
      ]);
      expect(r.byDepartment).toEqual([
        { department: '59', count: 2 },
        { department: '62', count: 2 },
        { department: '80', count: 1 },
      ]);
    });

    it('builds the funnel from the stage changes of the period, the step back included', () => {
      // P1 ideation→prototyping (1 Feb) and back (1 Apr); P2 created (15 Jan) then co_design→ideation;
      // P4 co_design→ideation (10 Jan); P3's stop changes no stage.
      expect(r.funnel).toEqual([
        { stage: 'co_design', entered: 1, left: 2 },
        { stage: 'ideation', entered: 3, left: 1 },
        { stage: 'prototyping', entered: 1, left: 1 },
        { stage: 'incubation', entered: 0, left: 0 },
        { stage: 'scale_up', entered: 0, left: 0 },
      ]);
    });

    it('computes median and 90th percentile days per stage', () => {
      // co_design: P2 59 d (15 Jan→15 Mar), P4 254 d (1 May 2025→10 Jan) → 156.5, 59 + 0.9 × 195 = 234.5.
      // ideation: P1 245 d (ended 1 Feb), P1 90 d (open since 1 Apr), P2 107 d, P4 171 d (open)
      //   → median (107 + 171) / 2 = 139, p90 171 + 0.7 × 74 = 222.8.
      // prototyping: P1 59 d; P3's open stay does not count (stopped). P1's 2025 co_design stay ended before the period.
      expect(r.timeInStage).toEqual([
        { stage: 'co_design', stays: 2, medianDays: 156.5, p90Days: 234.5 },
        { stage: 'ideation', stays: 4, medianDays: 139, p90Days: 222.8 },
        { stage: 'prototyping', stays: 1, medianDays: 59, p90Days: 59 },
        { stage: 'incubation', stays: 0, medianDays: null, p90Days: null },
        { stage: 'scale_up', stays: 0, medianDays: null, p90Days: null },
      ]);
    });

    it('counts milestones on time, late and overdue on the "as of" date', () => {
      // On time: P1 workshop, P2 training, P4 workshop. Late: P1 specification, P1 diagnosis and P2 workshop
      // (both due in 2025). Overdue on 30/06: P1 user test (still planned), P1 event (done only on 10/07).
      expect(r.milestoneOutcomes).toEqual({ doneOnTime: 3, doneLate: 3, overdue: 2 });
      expect(r.participants).toEqual([
        { kind: 'workshop', milestones: 3, participants: 37 },
        { kind: 'event', milestones: 0, participants: 0 },
        { kind: 'training', milestones: 1, participants: 8 },
      ]);
      // Due or completed in the period: all but P2's decision due in August; Nancy's is outside.
      expect(r.milestoneRows).toBe(9);
    });

    it('sums funding by funder type in integer cents', () => {
      expect(r.funding).toEqual([
        { funderType: 'state', lines: 2, requestedCents: 1_300_000, grantedCents: 1_000_000, receivedCents: 0 },
        { funderType: 'local_authority', lines: 2, requestedCents: 700_000, grantedCents: 700_000, receivedCents: 500_000 },
        { funderType: 'company', lines: 1, requestedCents: 250_050, grantedCents: 0, receivedCents: 0 },
        { funderType: null, lines: 1, requestedCents: 120_000, grantedCents: 120_000, receivedCents: 120_000 },
      ]);
    });

    it('counts the lab activities that started in the period, per kind and per actor type, with totals', () => {
      expect(r.activities.byKind).toEqual([
        { kind: 'event', activities: 1, participants: 10 },
        { kind: 'workshop', activities: 1, participants: 35 },
        { kind: 'training', activities: 0, participants: 0 },
        { kind: 'visit', activities: 0, participants: 0 },
        { kind: 'other', activities: 0, participants: 0 },
      ]);
      expect(r.activities.byActorType).toEqual([
        { actorType: 'state', participants: 3 },
        { actorType: 'local_authority', participants: 0 },
        { actorType: 'association', participants: 5 },
        { actorType: 'company', participants: 7 },
        { actorType: 'citizen', participants: 30 },
        { actorType: 'other', participants: 0 },
      ]);
      expect(r.activities.totals).toEqual({ activities: 2, participants: 45 });
    });

    it('sums the key figures', () => {
      expect(r.keyFigures).toEqual({
        projects: 4,
        activeProjects: 3,
        newProjects: 1,
        milestonesDone: 6,
        milestonesOverdue: 2,
        participants: 45,
        fundingGrantedCents: 1_820_000,
      });
    });
  });

  it('rebuilds the portfolio as it stood on 31/12/2025 from the stage history', async () => {
    const r = await report(director, YEAR_2025);
    // P2 did not exist; P1 was in ideation, P3 in prototyping and still active, P4 in co_design.
    expect(r.projects.map((p) => [p.code, p.stage, p.status])).toEqual([
      ['AMI-2025-001', 'co_design', 'active'],
      ['LIL-2025-001', 'ideation', 'active'],
      ['LIL-2025-002', 'prototyping', 'active'],
    ]);
    expect(r.byStage.map((s) => s.count)).toEqual([1, 1, 1, 0, 0]);
    expect(r.byStatus.find((s) => s.status === 'active')?.count).toBe(3);
    expect(r.keyFigures.newProjects).toBe(3);
    expect(r.funnel.slice(0, 3)).toEqual([
      { stage: 'co_design', entered: 2, left: 1 },
      { stage: 'ideation', entered: 2, left: 1 },
      { stage: 'prototyping', entered: 1, left: 0 },
    ]);
    // co_design: P1 92 d (ended 1 Jun), P4 244 d (open); ideation: P1 213 d (open), P3 234 d (ended 1 Sep); prototyping: P3 121 d.
    expect(r.timeInStage.slice(0, 3)).toEqual([
      { stage: 'co_design', stays: 2, medianDays: 168, p90Days: 228.8 },
      { stage: 'ideation', stays: 2, medianDays: 223.5, p90Days: 231.9 },
      { stage: 'prototyping', stays: 1, medianDays: 121, p90Days: 121 },
    ]);
    // P1's diagnosis due 15/11/2025 was only done on 20/01/2026: overdue on 31/12/2025 (P2's workshop
    // due 01/12/2025 does not count: P2 did not exist yet).
    expect(r.milestoneOutcomes).toEqual({ doneOnTime: 0, doneLate: 0, overdue: 1 });
  });

  it('reports a lab manager on their lab only', async () => {
    const r = await report(manager, FIRST_HALF);
    expect(r.scope.labs.map((l) => l.code)).toEqual(['LIL']);
    expect(r.projects.map((p) => p.code)).toEqual(['LIL-2025-001', 'LIL-2025-002', 'LIL-2026-001']);
    expect(r.keyFigures.fundingGrantedCents).toBe(1_000_000 + 500_000 + 120_000);
    expect(r.participants.find((p) => p.kind === 'workshop')).toEqual({ kind: 'workshop', milestones: 2, participants: 17 });
    // Lille's workshop only: Amiens' forum is another lab's, the summer visit after the period.
    expect(r.activities.totals).toEqual({ activities: 1, participants: 35 });
    expect(r.activities.byKind.find((k) => k.kind === 'workshop')).toEqual({ kind: 'workshop', activities: 1, participants: 35 });
  });

  it('filters by lab, stage (as of the date), status, theme and département', async () => {
    const amiens = await report(director, `${FIRST_HALF}&lab=${tenants.labs.amiens.id}`);
    expect(amiens.projects.map((p) => p.code)).toEqual(['AMI-2025-001']);
    expect(amiens.scope.labs.map((l) => l.code)).toEqual(['AMI']);
    const stopped = await report(director, `${FIRST_HALF}&status=stopped`);
    expect(stopped.projects.map((p) => p.code)).toEqual(['LIL-2025-002']);
    // On 31/12/2025 P3 was in prototyping and active.
    const prototyping2025 = await report(director, `${YEAR_2025}&stage=prototyping`);
    expect(prototyping2025.projects.map((p) => [p.code, p.status])).toEqual([['LIL-2025-002', 'active']]);
    const emploi = await report(director, `${FIRST_HALF}&theme=emploi`);
    expect(emploi.projects.map((p) => p.code)).toEqual(['AMI-2025-001', 'LIL-2026-001']);
    expect(emploi.byTheme).toEqual([{ theme: 'emploi', count: 2 }]);
    const nord = await report(director, `${FIRST_HALF}&department=59&stage=ideation,prototyping`);
    expect(nord.projects.map((p) => p.code)).toEqual(['LIL-2025-001', 'LIL-2025-002']);
    expect(nord.byDepartment).toEqual([{ department: '59', count: 2 }]);
  });

  describe('exports parsed back agree with the JSON figures', () => {
    let r: PortfolioReport;
    beforeAll(async () => {
      r = await report(director, FIRST_HALF);
    });

    it('CSV zip: one file per table, BOM, ";" and decimal commas', async () => {
      const res = await director.get(`/api/v1/reports/portfolio.csv?${FIRST_HALF}`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      const zip = await JSZip.loadAsync(res.body);
      const names = Object.keys(zip.files).sort();
      expect(names).toHaveLength(13);
      const read = async (slug: string) => {
        const file = zip.file(names.find((n) => n.endsWith(`-${slug}.csv`)) ?? '');
        if (!file) throw new Error(`no ${slug} in ${names.join(', ')}`);
        const bytes = await file.async('nodebuffer');
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.toString('utf8')).toContain('\r\n');
        return parse(bytes, { bom: true, delimiter: ';' }) as string[][];
      };
      const stages = await read('projets-par-etape');
      expect(stages[0]).toEqual(['Étape', 'Projets']);
      expect(stages.slice(1).map((row) => Number(row[1]))).toEqual(r.byStage.map((s) => s.count));
      const departments = await read('projets-par-departement');
      expect(departments[0]).toEqual(['Département', 'Projets']);
      // By name with the code, as a person reads it.
      expect(departments).toContainEqual(['Nord (59)', String(r.byDepartment.find((d) => d.department === '59')?.count)]);
      expect(departments).toHaveLength(1 + r.byDepartment.length);
      const funding = await read('financements');
      expect(funding[0]).toEqual(['Type de financeur', 'Lignes', 'Demandé (€)', 'Accordé (€)', 'Reçu (€)']);
      expect(funding[1]).toEqual(['État', '2', '13000,00', '10000,00', '0,00']);
      expect(funding[3]).toEqual(['Entreprise', '1', '2500,50', '0,00', '0,00']);
      const activities = await read('activites-par-type');
      expect(activities[0]).toEqual(['Type', 'Activités', 'Participants']);
      expect(activities.slice(1)).toEqual([
        ['Événement', '1', '10'],
        ['Atelier', '1', '35'],
        ['Formation', '0', '0'],
        ['Visite', '0', '0'],
        ['Autre', '0', '0'],
        ['Total', '2', '45'],
      ]);
      const actors = await read('activites-participants');
      expect(actors[0]).toEqual(['Acteurs', 'Participants']);
      expect(actors.slice(1).map((row) => Number(row[1]))).toEqual([...r.activities.byActorType.map((a) => a.participants), 45]);
      const durations = await read('duree-par-etape');
      expect(durations[2]).toEqual(['Idéation', '4', '139', '222,8']);
      const projects = await read('projets');
      expect(projects.slice(1).map((row) => row[0])).toEqual(r.projects.map((p) => p.code));
      expect(projects[2]).toEqual([
        'LIL-2025-001',
        'Épicerie solidaire',
        'Lab de Lille',
        'Idéation',
        'Actif',
        'Bonne',
        'Léo Lille',
        'Alimentation durable, Inclusion numérique',
        'Nord (59)',
        '2025-03-01',
      ]);
      const milestones = await read('jalons');
      expect(milestones).toHaveLength(1 + r.milestoneRows);
      expect(milestones.slice(1).map((row) => row[0]).every((code) => r.projects.some((p) => p.code === code))).toBe(true);
    });

    it('CSV of one table with "," on request', async () => {
      const res = await director.get(`/api/v1/reports/portfolio.csv?${FIRST_HALF}&table=funding&separator=comma`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sillon-rapport-\d{4}-\d{2}-\d{2}-financements\.csv"$/);
      const rows = parse(res.text, { bom: true, delimiter: ',' }) as string[][];
      expect(rows.slice(1).map((row) => row.slice(2).map(Number))).toEqual(
        r.funding.map((f) => [f.requestedCents / 100, f.grantedCents / 100, f.receivedCents / 100]),
      );
    });

    it('XLSX: a summary sheet and one sheet per table, typed cells, frozen header, widths', async () => {
      const res = await director.get(`/api/v1/reports/portfolio.xlsx?${FIRST_HALF}`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'Synthèse',
        'Projets par étape',
        'Projets par statut',
        'Projets par thème',
        'Projets par département',
        'Entrées et sorties par étape',
        'Durée par étape',
        'Jalons',
        'Participants',
        'Activités du lab par type',
        'Participants aux activités',
        'Financements',
        'Projets',
        'Détail des jalons',
      ]);
      const summary = workbook.getWorksheet('Synthèse');
      const value = (label: string) => {
        let found: ExcelJS.CellValue = null;
        summary?.eachRow((row) => {
          if (row.getCell(1).value === label) found = row.getCell(2).value;
        });
        return found;
      };
      expect(value('Projets')).toBe(r.keyFigures.projects);
      expect(value('Participants')).toBe(r.keyFigures.participants);
      expect(value('Activités du lab')).toBe(2);
      expect(value('Participants aux activités du lab')).toBe(45);
      const byActor = workbook.getWorksheet('Participants aux activités');
      expect(byActor?.getRow(6).getCell(1).value).toBe('Citoyens');
      expect(byActor?.getRow(6).getCell(2).value).toBe(30);
      expect(value('Financements accordés (€)')).toBe(r.keyFigures.fundingGrantedCents / 100);
      expect(value('Portefeuille au')).toEqual(new Date('2026-06-30T00:00:00Z'));

      const funding = workbook.getWorksheet('Financements');
      expect(funding?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(funding?.getColumn(3).width).toBe(18);
      const state = funding?.getRow(2);
      expect(state?.getCell(1).value).toBe('État');
      expect(state?.getCell(3).value).toBe(13000);
      expect(state?.getCell(3).numFmt).toBe('#,##0.00 "€"');

      const projects = workbook.getWorksheet('Projets');
      expect(projects?.rowCount).toBe(1 + r.projects.length);
      const p1 = projects?.getRow(3);
      expect(p1?.getCell(1).value).toBe('LIL-2025-001');
      expect(p1?.getCell(10).value).toEqual(new Date('2025-03-01T00:00:00Z'));
      expect(p1?.getCell(10).numFmt).toBe('dd/mm/yyyy');

      const stages = workbook.getWorksheet('Projets par étape');
      const counts: number[] = [];
      stages?.eachRow((row, n) => n > 1 && counts.push(row.getCell(2).value as number));
      expect(counts).toEqual(r.byStage.map((s) => s.count));
      expect(workbook.getWorksheet('Détail des jalons')?.rowCount).toBe(1 + r.milestoneRows);
    });

    it('PDF: a French report with the period, scope, key figures and tables', async () => {
      const res = await director.get(`/api/v1/reports/portfolio.pdf?${FIRST_HALF}`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const { text } = await pdfParse(res.body);
      expect(text).toContain('Rapport de portefeuille');
      expect(text).toContain('Période du 01/01/2026 au 30/06/2026');
      expect(text).toContain('Portefeuille au 30/06/2026');
      expect(text).toContain("Lab d'Amiens, Lab de Lille");
      expect(text).not.toContain('Nancy');
      for (const title of ['Projets par étape', 'Entrées et sorties par étape', 'Durée par étape', 'Financements', 'Participants', 'Activités du lab par type', 'Participants aux activités']) {
        expect(text).toContain(title);
      }
      // Key figures and table cells, formatted the French way.
      expect(text).toMatch(/Financements accordés \(€\)\s*18 200,00 €/);
      expect(text).toMatch(/Participants\s*45/);
      expect(text).toMatch(/État\s*2\s*13 000,00 €\s*10 000,00 €\s*0,00 €/);
      expect(text).toMatch(/Idéation\s*4\s*139\s*222,8/);
      expect(text).toMatch(/Participants aux activités du lab\s*45/);
      expect(text).toMatch(/Atelier\s*1\s*35/);
      for (const p of r.projects) expect(text).toContain(p.code);
      expect(text).toContain(`Les ${r.milestoneRows} jalons de la période figurent dans les exports CSV et XLSX.`);
    });
  });
});
