import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { PortfolioReport } from '@sillon/contracts';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { Reports } from './reports';

// ECharts does not run in jsdom (no canvas): a stand-in, and a ResizeObserver for the directive.
const fakeEcharts = {
  init: () => ({ setOption: jest.fn(), on: jest.fn(), off: jest.fn(), resize: jest.fn(), dispose: jest.fn(), isDisposed: () => false, showLoading: jest.fn(), hideLoading: jest.fn() }),
};
class NoResizeObserver {
  observe = jest.fn();
  unobserve = jest.fn();
  disconnect = jest.fn();
}

const flush = () => new Promise((resolve) => setTimeout(resolve));

const REPORT: PortfolioReport = {
  generatedAt: '2026-11-27T08:00:00Z',
  scope: { from: '2026-01-01', to: '2026-06-30', asOf: '2025-12-31', labs: [{ id: 'l1', code: 'LIL', name: 'Lab de Lille' }], stages: [], statuses: [], themes: [], departments: [] },
  keyFigures: { projects: 4, activeProjects: 3, newProjects: 1, milestonesDone: 6, milestonesOverdue: 2, participants: 45, fundingGrantedCents: 1_820_000 },
  byStage: [
    { stage: 'co_design', count: 0 },
    { stage: 'ideation', count: 3 },
    { stage: 'prototyping', count: 1 },
    { stage: 'incubation', count: 0 },
    { stage: 'scale_up', count: 0 },
  ],
  byStatus: [{ status: 'active', count: 3 }],
  byTheme: [{ theme: 'emploi', count: 2 }],
  byDepartment: [{ department: '59', count: 2 }],
  funnel: [{ stage: 'ideation', entered: 3, left: 1 }],
  timeInStage: [{ stage: 'ideation', stays: 4, medianDays: 139, p90Days: 222.8 }],
  milestoneOutcomes: { doneOnTime: 3, doneLate: 3, overdue: 2 },
  participants: [{ kind: 'workshop', milestones: 3, participants: 37 }],
  activities: {
    byKind: [{ kind: 'visit', activities: 2, participants: 1013 }],
    byActorType: [{ actorType: 'citizen', participants: 1000 }, { actorType: 'state', participants: 13 }],
    totals: { activities: 2, participants: 1013 },
  },
  funding: [{ funderType: 'state', lines: 2, requestedCents: 1_300_000, grantedCents: 1_000_000, receivedCents: 0 }],
  projects: [
    { id: 'p1', code: 'LIL-2025-001', name: 'Épicerie solidaire', labCode: 'LIL', labName: 'Lab de Lille', stage: 'ideation', status: 'active', health: 'green', leadName: 'Léo Lille', themes: [], departments: ['59'], startDate: '2025-03-01' },
  ],
  milestoneRows: 9,
};

// Rendering Material form fields takes seconds on a busy machine.
jest.setTimeout(30_000);

describe('Reports', () => {
  let http: HttpTestingController;

  beforeAll(() => {
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;
  });

  async function render(url: string) {
    TestBed.configureTestingModule({
      imports: [Reports],
      providers: [provideRouter([{ path: 'rapports', component: Reports }]), provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    TestBed.overrideProvider(NGX_ECHARTS_CONFIG, { useValue: { echarts: fakeEcharts } });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    const fixture = TestBed.createComponent(Reports);
    fixture.detectChanges();
    http.expectOne('/api/v1/labs').flush([{ id: 'l1', name: 'Lab de Lille', code: 'LIL', regionId: 'r', regionName: 'HdF', departments: ['59', '62'], version: 1 }]);
    return fixture;
  }

  it('reads the scope from the URL, shows the figures and links each download to the same query', async () => {
    const fixture = await render('/rapports?from=2026-01-01&to=2026-06-30&asOf=2025-12-31&stage=ideation');
    const req = http.expectOne((r) => r.url === '/api/v1/reports/portfolio');
    expect(req.request.params.get('asOf')).toBe('2025-12-31');
    expect(req.request.params.getAll('stage')).toEqual(['ideation']);
    req.flush(REPORT);
    await flush();
    fixture.detectChanges();
    const page: HTMLElement = fixture.nativeElement;

    expect((page.querySelector('input[formcontrolname="from"]') as HTMLInputElement).value).toBe('01/01/2026');
    expect(page.textContent).toContain('Période du 01/01/2026 au 30/06/2026, portefeuille au 31/12/2025 — Lab de Lille.');
    // French grouping and the euro sign are separated by no-break spaces.
    expect(page.textContent?.replace(/[\u202f\u00a0]/g, ' ')).toContain('18 200 €');
    expect(page.textContent).toContain('222,8');
    const links = [...page.querySelectorAll<HTMLAnchorElement>('.downloads a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(links).toEqual([
      ['CSV (zip, une table par fichier)', '/api/v1/reports/portfolio.csv?from=2026-01-01&to=2026-06-30&asOf=2025-12-31&stage=ideation'],
      ['Excel (XLSX)', '/api/v1/reports/portfolio.xlsx?from=2026-01-01&to=2026-06-30&asOf=2025-12-31&stage=ideation'],
      ['PDF imprimable', '/api/v1/reports/portfolio.pdf?from=2026-01-01&to=2026-06-30&asOf=2025-12-31&stage=ideation'],
    ]);
    const projectRows = [...page.querySelectorAll('table.projects tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent?.trim()));
    expect(projectRows).toEqual([['LIL-2025-001', 'Épicerie solidaire', 'Lab de Lille', 'Idéation', 'Actif', 'Bonne', 'Léo Lille', 'Nord', '01/03/2025']]);
    const activities = page.querySelector('section[aria-labelledby="activites"]') as HTMLElement;
    const rows = (caption: string) =>
      [...activities.querySelectorAll('table')]
        .find((t) => t.caption?.textContent?.includes(caption))
        ?.querySelectorAll('tbody tr, tfoot tr') ?? [];
    const cells = (caption: string) => [...rows(caption)].map((tr) => [...tr.children].map((c) => c.textContent?.trim().replace(/[\u202f\u00a0]/g, ' ')));
    expect(cells('par type d')).toEqual([['Citoyens', '1 000'], ['État', '13'], ['Total', '1 013']]);
    expect(cells('Activités et participants par type')).toEqual([['Visite', '2', '1 013'], ['Total', '2', '1 013']]);
    http.verify();
  });

  it('puts the chosen scope in the URL when the form is sent, and shows the API’s field errors', async () => {
    const fixture = await render('/rapports');
    http.expectOne((r) => r.url === '/api/v1/reports/portfolio').flush(REPORT);
    await flush();
    const page: HTMLElement = fixture.nativeElement;
    const from = page.querySelector('input[formcontrolname="from"]') as HTMLInputElement;
    const to = page.querySelector('input[formcontrolname="to"]') as HTMLInputElement;
    from.value = '01/06/2026';
    from.dispatchEvent(new Event('input'));
    to.value = '01/05/2026';
    to.dispatchEvent(new Event('input'));
    (page.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await flush();
    expect(TestBed.inject(Router).url).toBe('/rapports?from=2026-06-01&to=2026-05-01');
    http.expectOne((r) => r.url === '/api/v1/reports/portfolio' && r.params.get('from') === '2026-06-01').flush(
      {
        type: 'about:blank', title: 'Requête invalide', status: 400, detail: 'La requête contient des données invalides.',
        errors: [{ field: 'from', code: 'periodOrder', message: 'La période doit commencer avant sa fin.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await flush();
    fixture.detectChanges();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Du : La période doit commencer avant sa fin.');
    http.verify();
  });
});
