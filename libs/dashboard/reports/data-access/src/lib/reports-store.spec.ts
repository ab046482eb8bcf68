import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PortfolioReport } from '@sillon/contracts';
import { reportQueryFromUrl, reportQueryToUrl } from './report-query-url';
import { ReportsStore } from './reports-store';

function aReport(projects: number): PortfolioReport {
  return {
    generatedAt: '2026-11-27T08:00:00Z',
    scope: { from: '2026-01-01', to: '2026-06-30', asOf: '2026-06-30', labs: [], stages: [], statuses: [], themes: [], departments: [] },
    keyFigures: { projects, activeProjects: projects, newProjects: 0, milestonesDone: 0, milestonesOverdue: 0, participants: 0, fundingGrantedCents: 0 },
    byStage: [], byStatus: [], byTheme: [], byDepartment: [], funnel: [], timeInStage: [],
    milestoneOutcomes: { doneOnTime: 0, doneLate: 0, overdue: 0 }, participants: [], activities: { byKind: [], byActorType: [], totals: { activities: 0, participants: 0 } }, funding: [], projects: [], milestoneRows: 0,
  };
}

describe('ReportsStore', () => {
  let store: ReportsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [ReportsStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(ReportsStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for the scope with repeated filters and builds the download links from the same query', async () => {
    const loading = store.load({ from: '2026-01-01', to: '2026-06-30', stage: ['ideation', 'prototyping'], lab: ['l1'] });
    const req = http.expectOne((r) => r.url === '/api/v1/reports/portfolio');
    expect(req.request.params.get('from')).toBe('2026-01-01');
    expect(req.request.params.getAll('stage')).toEqual(['ideation', 'prototyping']);
    expect(store.loading()).toBe(true);
    req.flush(aReport(4));
    await loading;

    expect(store.report()?.keyFigures.projects).toBe(4);
    expect(store.downloads()).toEqual([
      { format: 'csv', url: '/api/v1/reports/portfolio.csv?from=2026-01-01&to=2026-06-30&lab=l1&stage=ideation&stage=prototyping' },
      { format: 'xlsx', url: '/api/v1/reports/portfolio.xlsx?from=2026-01-01&to=2026-06-30&lab=l1&stage=ideation&stage=prototyping' },
      { format: 'pdf', url: '/api/v1/reports/portfolio.pdf?from=2026-01-01&to=2026-06-30&lab=l1&stage=ideation&stage=prototyping' },
    ]);
  });

  it('keeps the figures on screen while the next ones load, and only the latest answer', async () => {
    const first = store.load({});
    http.expectOne(() => true).flush(aReport(1));
    await first;
    const slow = store.load({ to: '2026-03-31' });
    const slowReq = http.expectOne((r) => r.params.get('to') === '2026-03-31');
    expect(store.report()?.keyFigures.projects).toBe(1);
    const fast = store.load({ to: '2026-06-30' });
    http.expectOne((r) => r.params.get('to') === '2026-06-30').flush(aReport(3));
    slowReq.flush(aReport(2));
    await Promise.all([slow, fast]);
    expect(store.report()?.keyFigures.projects).toBe(3);
  });

  it('shows the French problem and its field errors', async () => {
    const loading = store.load({ from: '2026-06-01', to: '2026-05-01' });
    http.expectOne(() => true).flush(
      {
        type: 'about:blank', title: 'Requête invalide', status: 400, detail: 'La requête contient des données invalides.',
        errors: [{ field: 'from', code: 'periodOrder', message: 'La période doit commencer avant sa fin.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await loading;
    expect(store.state()).toMatchObject({ status: 'error', message: 'La requête contient des données invalides.' });
    expect(store.fieldErrors().map((e) => e.field)).toEqual(['from']);
  });

  it('lists the départements of the labs in reach', async () => {
    const loading = store.loadLabs();
    http.expectOne('/api/v1/labs').flush([
      { id: 'a', name: 'Lille', code: 'LIL', regionId: 'r', regionName: 'HdF', departments: ['62', '59'], version: 1 },
      { id: 'b', name: 'Amiens', code: 'AMI', regionId: 'r', regionName: 'HdF', departments: ['80', '59'], version: 1 },
    ]);
    await loading;
    expect(store.departments()).toEqual(['59', '62', '80']);
    // One region in reach: nothing to choose.
    expect(store.regions()).toEqual([{ id: 'r', name: 'HdF' }]);
  });

  it('lists the regions of the labs in reach by name, for the national direction', async () => {
    const loading = store.loadLabs();
    http.expectOne('/api/v1/labs').flush([
      { id: 'a', name: 'Lille', code: 'LIL', regionId: 'hdf', regionName: 'Hauts-de-France', departments: ['59'], version: 1 },
      { id: 'n', name: 'Nancy', code: 'NAN', regionId: 'ge', regionName: 'Grand Est', departments: ['54'], version: 1 },
      { id: 'b', name: 'Amiens', code: 'AMI', regionId: 'hdf', regionName: 'Hauts-de-France', departments: ['80'], version: 1 },
    ]);
    await loading;
    expect(store.regions()).toEqual([
      { id: 'ge', name: 'Grand Est' },
      { id: 'hdf', name: 'Hauts-de-France' },
    ]);
  });
});

describe('report query in the URL', () => {
  it('reads back what it writes, and drops what the API would refuse', () => {
    const query = { from: '2026-01-01', asOf: '2025-12-31', region: '0b4f6c1e-6a51-4f7e-9a57-2b7f3c9d8e10', stage: ['ideation' as const], department: ['59', '2A'] };
    const url = reportQueryToUrl(query);
    expect(url).toMatchObject({ from: '2026-01-01', to: null, lab: null, region: query.region, stage: ['ideation'] });
    const params = Object.fromEntries(Object.entries(url).filter(([, v]) => v !== null)) as Record<string, string | string[]>;
    expect(reportQueryFromUrl(params)).toEqual(query);
    expect(reportQueryFromUrl({ from: '27/11/2026', stage: ['launch', 'scale_up'], lab: 'x', region: 'nord', department: '99' })).toEqual({ stage: ['scale_up'] });
  });
});
