import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Organisation } from '@sillon/contracts';
import { OrganisationStore } from './organisation-store';

const ORG: Organisation = {
  id: '66666666-6666-4666-8666-666666666666',
  labId: '22222222-2222-4222-8222-222222222222',
  name: 'CCAS de Roubaix',
  type: 'local_authority',
  siret: '73282932000074',
  department: '59',
  version: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('OrganisationStore', () => {
  let store: OrganisationStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [OrganisationStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(OrganisationStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists a search and type', () => {
    store.load({ q: 'roubaix', type: 'local_authority', page: 1, pageSize: 50 });
    const request = http.expectOne((r) => r.url === '/api/v1/organisations');
    expect(request.request.params.get('q')).toBe('roubaix');
    expect(request.request.params.get('type')).toBe('local_authority');
    request.flush({ items: [ORG], total: 1, page: 1, pageSize: 50 });
    expect(store.items()).toEqual([ORG]);
    expect(store.loaded()).toBe(true);
  });

  it('returns the server field errors of a refused creation', async () => {
    const creating = store.create({ name: 'X', type: 'association', siret: '12345678901234' });
    http
      .expectOne('/api/v1/organisations')
      .flush(
        { title: 'Requête invalide', status: 400, errors: [{ field: 'siret', message: 'Le SIRET est invalide.', code: 'isSiret' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    const result = await creating;
    expect(result).toEqual({ ok: false, message: 'Requête invalide', fieldErrors: { siret: 'Le SIRET est invalide.' }, conflict: null });
  });

  it('hands back the current record on a stale version, and reloads the list after a write', async () => {
    const stale = store.update(ORG.id, { version: 1, name: 'CCAS' });
    http.expectOne(`/api/v1/organisations/${ORG.id}`).flush({ title: 'Conflit', status: 409, detail: 'Modifié entre-temps.', current: ORG }, { status: 409, statusText: 'Conflict' });
    const result = await stale;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.conflict?.version).toBe(2);

    const fresh = store.update(ORG.id, { version: 2, name: 'CCAS' });
    http.expectOne(`/api/v1/organisations/${ORG.id}`).flush({ ...ORG, name: 'CCAS', version: 3 });
    expect((await fresh).ok).toBe(true);
    http.expectOne((r) => r.url === '/api/v1/organisations').flush({ items: [], total: 0, page: 1, pageSize: 50 });
  });
});
