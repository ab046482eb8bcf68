import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { aUser } from './testing-records';
import { UserAdminStore } from './user-admin-store';

const page = (items = [aUser()]) => ({ items, total: items.length, page: 1, pageSize: 50 });

function setup() {
  TestBed.configureTestingModule({ providers: [UserAdminStore, provideHttpClient(), provideHttpClientTesting()] });
  return { store: TestBed.inject(UserAdminStore), http: TestBed.inject(HttpTestingController) };
}

describe('UserAdminStore', () => {
  it('asks for the filters chosen and starts again from the first page', () => {
    const { store, http } = setup();
    store.turnPage(3, 50);
    http.expectOne((r) => r.url === '/api/v1/users' && r.params.get('page') === '3').flush(page());
    store.filter({ role: 'lab_manager', active: false, q: 'martin' });

    const request = http.expectOne((r) => r.url === '/api/v1/users');
    expect(request.request.params.get('role')).toBe('lab_manager');
    expect(request.request.params.get('active')).toBe('false');
    expect(request.request.params.get('q')).toBe('martin');
    expect(request.request.params.get('page')).toBe('1');
    request.flush(page());

    expect(store.items()).toEqual([aUser()]);
    expect(store.total()).toBe(1);
    expect(store.filtered()).toBe(true);
    expect(store.loading()).toBe(false);
  });

  it('keeps only the answer to the latest filters', () => {
    const { store, http } = setup();
    store.filter({ q: 'a' });
    store.filter({ q: 'ab' });
    const [first, second] = http.match((r) => r.url === '/api/v1/users');
    expect(first.cancelled).toBe(true);
    second.flush(page([aUser({ displayName: 'Abel' })]));
    expect(store.items().map((u) => u.displayName)).toEqual(['Abel']);
  });

  it('says in French when the list cannot be read', () => {
    const { store, http } = setup();
    store.reload();
    http.expectOne((r) => r.url === '/api/v1/users').flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(store.error()).toBe('Le serveur ne répond pas. Vérifiez votre connexion et réessayez.');
  });

  it('deactivates with the version the row was read at and shows the answer', async () => {
    const { store, http } = setup();
    store.reload();
    http.expectOne((r) => r.url === '/api/v1/users').flush(page([aUser({ version: 4 })]));

    const saving = store.setActive(aUser({ version: 4 }), false);
    const request = http.expectOne(`/api/v1/users/${aUser().id}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ active: false, version: 4 });
    request.flush(aUser({ active: false, version: 5 }));

    expect((await saving).ok).toBe(true);
    expect(store.items()[0]).toMatchObject({ active: false, version: 5 });
  });

  it('on a stale version, answers the conflict and shows the account as it is now', async () => {
    const { store, http } = setup();
    store.reload();
    http.expectOne((r) => r.url === '/api/v1/users').flush(page());
    const current = aUser({ displayName: 'Camille Martin-Roy', version: 2 });

    const saving = store.update(aUser(), { displayName: 'Camille M.' });
    http.expectOne(`/api/v1/users/${aUser().id}`).flush(
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Ce compte a été modifié entre-temps.', current },
      { status: 409, statusText: 'Conflict' },
    );
    const result = await saving;

    expect(result).toEqual({ ok: false, message: 'Ce compte a été modifié entre-temps.', fieldErrors: {}, conflict: current });
    expect(store.items()[0].displayName).toBe('Camille Martin-Roy');
  });

  it('hands back the field errors of a refused creation and reloads after a good one', async () => {
    const { store, http } = setup();
    const refused = store.create({ email: 'x', displayName: 'X', role: 'project_lead', password: 'court' });
    http.expectOne('/api/v1/users').flush(
      {
        type: 'about:blank',
        title: 'La requête contient des données invalides.',
        status: 400,
        errors: [
          { field: 'email', message: 'Une adresse e-mail valide est attendue.', code: 'isEmail' },
          { field: 'labId', message: 'Un lab est obligatoire pour ce rôle.', code: 'isNotEmpty' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    const result = await refused;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors).toEqual({
      email: 'Une adresse e-mail valide est attendue.',
      labId: 'Un lab est obligatoire pour ce rôle.',
    });

    const accepted = store.create({ email: 'a@b.fr', displayName: 'A', role: 'admin', password: 'assez-long' });
    http.expectOne('/api/v1/users').flush(aUser({ role: 'admin' }));
    expect((await accepted).ok).toBe(true);
    http.expectOne((r) => r.url === '/api/v1/users' && r.method === 'GET').flush(page());
  });
});
