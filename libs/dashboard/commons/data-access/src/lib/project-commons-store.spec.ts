import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ProjectCommon } from '@sillon/contracts';
import { ProjectCommonsStore } from './project-commons-store';

const common: ProjectCommon = {
  id: 'c1', projectId: 'p1', labId: 'l1', title: 'Guide', kind: 'guide', licence: 'etalab_2_0', url: 'https://example.fr/guide',
  publishedOn: '2026-05-01', reuses: [], version: 1, createdAt: '2026-05-01T08:00:00Z', updatedAt: '2026-05-01T08:00:00Z',
};

describe('ProjectCommonsStore', () => {
  let store: ProjectCommonsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [ProjectCommonsStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(ProjectCommonsStore);
    http = TestBed.inject(HttpTestingController);
  });

  it('loads the list, then shows the commons as it stands after a stale edit', async () => {
    const loading = store.load('p1');
    http.expectOne('/api/v1/projects/p1/commons').flush([common]);
    await loading;
    expect(store.commons()).toEqual([common]);

    const saving = store.update('c1', { version: 1, title: 'Vieux titre' });
    http.expectOne('/api/v1/commons/c1').flush(
      { title: 'Conflit', status: 409, detail: 'Modifié entre-temps', current: { ...common, title: 'Guide révisé', version: 2 } },
      { status: 409, statusText: 'Conflict' },
    );
    const result = await saving;
    expect(result.ok).toBe(false);
    expect(store.commons()?.[0]).toMatchObject({ title: 'Guide révisé', version: 2 });
  });

  it('drops a deleted commons from the list', async () => {
    const loading = store.load('p1');
    http.expectOne('/api/v1/projects/p1/commons').flush([common]);
    await loading;
    const removing = store.remove(common);
    http.expectOne({ method: 'DELETE', url: '/api/v1/commons/c1' }).flush(null, { status: 204, statusText: 'No Content' });
    expect((await removing).ok).toBe(true);
    expect(store.commons()).toEqual([]);
  });
});
