import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Contact, Organisation } from '@sillon/contracts';
import { OrganisationDetailStore } from './organisation-detail-store';

const ORG: Organisation = {
  id: '66666666-6666-4666-8666-666666666666',
  labId: 'lab',
  name: 'Régie de quartier',
  type: 'association',
  siret: null,
  department: '59',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const person = (id: string, fullName: string, version = 1): Contact => ({
  id,
  labId: 'lab',
  organisationId: ORG.id,
  organisationName: ORG.name,
  fullName,
  email: `${id}@regie.example.fr`,
  phone: null,
  roleTitle: null,
  version,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('OrganisationDetailStore', () => {
  let store: OrganisationDetailStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [OrganisationDetailStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(OrganisationDetailStore);
    http = TestBed.inject(HttpTestingController);
    const loading = store.load(ORG.id);
    http.expectOne((r) => r.url === '/api/v1/contacts' && r.params.get('organisation') === ORG.id).flush({ items: [person('c2', 'Zoé Martin'), person('c1', 'Élise Roux')], total: 2, page: 1, pageSize: 200 });
    http.expectOne(`/api/v1/organisations/${ORG.id}`).flush(ORG);
    await loading;
  });

  afterEach(() => http.verify());

  it('reads the organisation and its contacts, by name as French sorts them', () => {
    expect(store.organisation()?.name).toBe('Régie de quartier');
    expect(store.contacts()?.map((c) => c.fullName)).toEqual(['Élise Roux', 'Zoé Martin']);
  });

  it('adds a contact to this organisation and lists it in its place', async () => {
    const creating = store.create({ fullName: 'Marc Dubois', email: 'marc@regie.example.fr' });
    const post = http.expectOne({ method: 'POST', url: '/api/v1/contacts' });
    expect(post.request.body).toEqual({ fullName: 'Marc Dubois', email: 'marc@regie.example.fr', organisationId: ORG.id });
    post.flush(person('c3', 'Marc Dubois'));
    expect((await creating).ok).toBe(true);
    expect(store.contacts()?.map((c) => c.fullName)).toEqual(['Élise Roux', 'Marc Dubois', 'Zoé Martin']);
  });

  it('on a stale edit hands back and shows the contact as saved now', async () => {
    const updating = store.update('c1', { version: 1, roleTitle: 'Présidente' });
    const current = { ...person('c1', 'Élise Roux-Martin', 2) };
    http.expectOne('/api/v1/contacts/c1').flush({ title: 'Conflit', status: 409, detail: 'Modifié entre-temps.', current }, { status: 409, statusText: 'Conflict' });
    const result = await updating;
    expect(!result.ok && result.conflict?.version).toBe(2);
    expect(store.contacts()?.map((c) => c.fullName)).toContain('Élise Roux-Martin');
  });

  it('erases a contact and takes them off the list; a refusal leaves the list as it was', async () => {
    const refused = store.erase(person('c2', 'Zoé Martin'));
    http.expectOne('/api/v1/contacts/c2/erasure').flush({ title: 'Action non autorisée', status: 403, detail: 'Seul·e la ou le responsable du lab peut effacer un contact.' }, { status: 403, statusText: 'Forbidden' });
    expect(await refused).toMatchObject({ ok: false, message: 'Seul·e la ou le responsable du lab peut effacer un contact.' });
    expect(store.contacts()).toHaveLength(2);

    const erasing = store.erase(person('c2', 'Zoé Martin'));
    const request = http.expectOne('/api/v1/contacts/c2/erasure');
    expect(request.request.method).toBe('DELETE');
    request.flush({ contactId: 'c2', partnershipsUnlinked: 1, auditEventsScrubbed: 3 });
    expect(await erasing).toEqual({ ok: true, value: { contactId: 'c2', partnershipsUnlinked: 1, auditEventsScrubbed: 3 } });
    expect(store.contacts()?.map((c) => c.id)).toEqual(['c1']);
  });
});
