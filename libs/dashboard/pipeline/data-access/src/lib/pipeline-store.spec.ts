import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ProjectPage, STAGES, StageTransition } from '@sillon/contracts';
import { NO_FILTERS } from './board-filters';
import { BOARD_PAGE_SIZE, PipelineStore } from './pipeline-store';
import { aProject } from './testing-projects';

const flushAsync = () => new Promise((resolve) => setTimeout(resolve));

describe('PipelineStore', () => {
  let store: PipelineStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [PipelineStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(PipelineStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const pageOf = (items = [aProject()], total = items.length, page = 1): ProjectPage => ({ items, total, page, pageSize: BOARD_PAGE_SIZE });
  const projectRequests = (): TestRequest[] => http.match((r) => r.url === '/api/v1/projects');
  const answerNextMilestones = () => http.match((r) => r.url === '/api/v1/pipeline/next-milestones').forEach((r) => r.flush([]));

  it('loads one page of active projects per stage with the filters, newest in stage first', async () => {
    const loading = store.load({ ...NO_FILTERS, theme: ['emploi'], health: ['red', 'amber'] });
    const requests = projectRequests();
    expect(requests.map((r) => r.request.params.getAll('stage'))).toEqual(STAGES.map((s) => [s]));
    const params = requests[0].request.params;
    expect(params.getAll('status')).toEqual(['active']);
    expect(params.getAll('theme')).toEqual(['emploi']);
    expect(params.getAll('health')).toEqual(['red', 'amber']);
    expect(params.get('sort')).toBe('-stageEnteredAt');
    expect(params.get('pageSize')).toBe(String(BOARD_PAGE_SIZE));
    expect(store.loading()).toBe(true);

    requests.forEach((r, i) => r.flush(i === 1 ? pageOf([aProject()], 120) : pageOf([])));
    await flushAsync();
    const next = http.expectOne((r) => r.url === '/api/v1/pipeline/next-milestones');
    expect(next.request.params.getAll('project')).toEqual([aProject().id]);
    next.flush([]);
    await loading;

    const ideation = store.columns()[1];
    expect(ideation).toMatchObject({ stage: 'ideation', label: 'Idéation', total: 120, hasMore: true });
    expect(store.total()).toBe(120);
    expect(store.loading()).toBe(false);
    // Known to have no planned milestone, as opposed to not known yet.
    expect(store.nextMilestone(aProject().id)).toBeNull();
  });

  it('appends the next page of a column on "Voir plus"', async () => {
    const first = aProject({ id: 'p1' });
    const loading = store.load(NO_FILTERS);
    projectRequests().forEach((r, i) => r.flush(i === 0 ? pageOf([first], 2) : pageOf([])));
    await loading;
    answerNextMilestones();

    const more = store.loadMore('co_design');
    const request = http.expectOne((r) => r.url === '/api/v1/projects');
    expect(request.request.params.get('page')).toBe('2');
    request.flush(pageOf([aProject({ id: 'p2' })], 2, 2));
    await more;
    answerNextMilestones();

    expect(store.columns()[0].items.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(store.columns()[0].hasMore).toBe(false);
  });

  it('moves a card to the column of its new stage when a transition is recorded', async () => {
    const project = aProject({ id: 'p1', stage: 'ideation' });
    const loading = store.load(NO_FILTERS);
    projectRequests().forEach((r, i) => r.flush(i === 1 ? pageOf([project], 3) : i === 2 ? pageOf([], 4) : pageOf([])));
    await loading;
    answerNextMilestones();

    store.applyTransition({ project: { ...project, stage: 'prototyping', version: 4 }, transition: {} as StageTransition });

    expect(store.columns()[1]).toMatchObject({ items: [], total: 2 });
    expect(store.columns()[2].items.map((p) => [p.id, p.version])).toEqual([['p1', 4]]);
    expect(store.columns()[2].total).toBe(5);
    expect(store.find('p1')?.stage).toBe('prototyping');
  });

  it('drops the answers of a load overtaken by another one', async () => {
    const stale = store.load(NO_FILTERS);
    const staleRequests = projectRequests();
    const fresh = store.load({ ...NO_FILTERS, health: ['red'] });
    const freshRequests = projectRequests();
    staleRequests.forEach((r) => r.flush(pageOf([aProject({ id: 'old' })])));
    freshRequests.forEach((r) => r.flush(pageOf([])));
    await Promise.all([stale, fresh]);

    expect(store.total()).toBe(0);
    expect(store.filters().health).toEqual(['red']);
  });

  it('shows a French error in the column whose page failed', async () => {
    const loading = store.load(NO_FILTERS);
    projectRequests().forEach((r, i) =>
      i === 0
        ? r.flush({ type: 'about:blank', title: 'Erreur', status: 500, detail: 'Le serveur a rencontré une erreur.' }, { status: 500, statusText: 'Error' })
        : r.flush(pageOf([])),
    );
    await loading;
    expect(store.columns()[0].error).toBe('Le serveur a rencontré une erreur.');
  });
});
