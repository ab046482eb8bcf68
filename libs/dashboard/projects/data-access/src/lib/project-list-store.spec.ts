import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ProjectListStore } from './project-list-store';
import { aProject } from './testing-records';

describe('ProjectListStore', () => {
  let store: ProjectListStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [ProjectListStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(ProjectListStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends the filters as repeated query parameters', () => {
    store.load({ stage: ['ideation', 'incubation'], q: 'vélo', page: 2 });
    const request = http.expectOne((r) => r.url === '/api/v1/projects');
    expect(request.request.urlWithParams).toBe('/api/v1/projects?stage=ideation&stage=incubation&q=v%C3%A9lo&page=2');
    expect(store.loading()).toBe(true);
    request.flush({ items: [aProject()], total: 51, page: 2, pageSize: 50 });
    expect(store.loading()).toBe(false);
    expect(store.total()).toBe(51);
    expect(store.pageIndex()).toBe(1);
  });

  it('shows only the answer of the latest query', () => {
    store.load({ health: ['red'] });
    store.load({ health: ['green'] });
    const [older, newer] = http.match((r) => r.url === '/api/v1/projects');
    expect(older.cancelled).toBe(true);
    newer.flush({ items: [aProject({ name: 'Vert' })], total: 1, page: 1, pageSize: 50 });
    expect(store.items().map((p) => p.name)).toEqual(['Vert']);
  });

  it('reports an empty result only once answered', () => {
    store.load({});
    expect(store.empty()).toBe(false);
    http.expectOne((r) => r.url === '/api/v1/projects').flush({ items: [], total: 0, page: 1, pageSize: 50 });
    expect(store.empty()).toBe(true);
  });

  it('keeps the rows shown when a reload fails, with a French message', () => {
    store.load({});
    http.expectOne((r) => r.url === '/api/v1/projects').flush({ items: [aProject()], total: 1, page: 1, pageSize: 50 });
    store.reload();
    http.expectOne((r) => r.url === '/api/v1/projects').flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(store.items()).toHaveLength(1);
    expect(store.error()).toMatch(/serveur ne répond pas/);
  });

  it('returns field errors of a refused creation', async () => {
    const creating = store.create({ name: '' });
    http
      .expectOne('/api/v1/projects')
      .flush({ title: 'Requête invalide', status: 400, errors: [{ field: 'name', message: 'Le nom est obligatoire.', code: 'isNotEmpty' }] }, { status: 400, statusText: 'Bad Request' });
    expect(await creating).toEqual({ ok: false, message: 'Requête invalide', fieldErrors: { name: 'Le nom est obligatoire.' }, conflict: null });
  });
});
