import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PipelineOverview } from '@sillon/contracts';
import { HomeStore } from './home-store';

const flushAsync = () => new Promise((resolve) => setTimeout(resolve));

function anOverview(overrides: Partial<PipelineOverview> = {}): PipelineOverview {
  return {
    labId: 'lab', regionId: null, asOf: '2026-11-27', stalledDays: 60, activeProjects: 7,
    activeByStage: { co_design: 3, ideation: 2, prototyping: 1, incubation: 1, scale_up: 0 },
    byStatus: { active: 7, on_hold: 1, stopped: 0, scaled: 0 }, stalledProjects: 0, stalled: [], overdueMilestones: 2,
    participantsThisYear: 40, fundingCents: { requested: 0, granted: 100, received: 0, refused: 0 }, fundingGrantedCents: 100,
    activeByDepartment: [], activeWithoutDepartment: 0, activeByLead: [], ...overrides,
  };
}

describe('HomeStore', () => {
  let store: HomeStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [HomeStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(HomeStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it("loads the overview, the overdue milestones and, for a lead, their own active projects", async () => {
    const loading = store.load({ id: 'lead-1', role: 'project_lead' }, 90);
    const overview = http.expectOne((r) => r.url === '/api/v1/pipeline/overview');
    expect(overview.request.params.get('stalledDays')).toBe('90');
    const overdue = http.expectOne((r) => r.url === '/api/v1/milestones');
    expect(overdue.request.params.get('overdue')).toBe('true');
    const mine = http.expectOne((r) => r.url === '/api/v1/projects');
    expect(mine.request.params.get('lead')).toBe('lead-1');
    expect(mine.request.params.get('status')).toBe('active');

    overview.flush(anOverview({ stalledDays: 90 }));
    overdue.flush({ items: [], total: 0, page: 1, pageSize: 8 });
    mine.flush({ items: [], total: 0, page: 1, pageSize: 6 });
    await loading;

    expect(store.figures()?.activeProjects).toBe(7);
    expect(store.stageRows().map((r) => [r.label, r.count])).toEqual([
      ['Co-design', 3], ['Idéation', 2], ['Prototypage', 1], ['Incubation', 1], ["Changement d'échelle", 0],
    ]);
    expect(store.myProjects()).toEqual({ status: 'loaded', value: [] });
  });

  it('does not ask for "my projects" for a lab manager, and keeps each block failing on its own', async () => {
    const loading = store.load({ id: 'm', role: 'lab_manager' }, 60);
    http.expectOne((r) => r.url === '/api/v1/pipeline/overview').flush(
      { type: 'about:blank', title: 'Erreur', status: 500, detail: 'Le serveur a rencontré une erreur.' },
      { status: 500, statusText: 'Error' },
    );
    http.expectOne((r) => r.url === '/api/v1/milestones').flush({ items: [], total: 3, page: 1, pageSize: 8 });
    http.expectNone((r) => r.url === '/api/v1/projects');
    await loading;

    expect(store.overview()).toEqual({ status: 'error', message: 'Le serveur a rencontré une erreur.' });
    expect(store.overdue()).toEqual({ status: 'loaded', value: { items: [], total: 3 } });
    expect(store.myProjects()).toBeNull();
  });

  it('keeps the answer of the latest number of days chosen', async () => {
    const first = store.changeStalledDays(30);
    const slow = http.expectOne((r) => r.params.get('stalledDays') === '30');
    const second = store.changeStalledDays(90);
    http.expectOne((r) => r.params.get('stalledDays') === '90').flush(anOverview({ stalledDays: 90 }));
    slow.flush(anOverview({ stalledDays: 30 }));
    await Promise.all([first, second, flushAsync()]);

    expect(store.figures()?.stalledDays).toBe(90);
  });
});
