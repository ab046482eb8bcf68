import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Me } from '@sillon/contracts';
import { SessionStore } from './session-store';

const LEAD: Me = {
  id: 'u-lead',
  email: 'lead@demo.sillon.fr',
  displayName: 'Camille Martin',
  role: 'project_lead',
  labId: 'lab-lille',
  labName: 'Lab de Lille',
  regionId: 'hdf',
  regionName: 'Hauts-de-France',
};

function setup() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { store: TestBed.inject(SessionStore), http: TestBed.inject(HttpTestingController) };
}

describe('SessionStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('asks the API who is signed in only once and exposes name, role and French role label', async () => {
    const { store, http } = setup();

    const first = store.load();
    const second = store.load();
    http.expectOne({ method: 'GET', url: '/api/v1/auth/me' }).flush(LEAD);

    await expect(first).resolves.toEqual(LEAD);
    await expect(second).resolves.toEqual(LEAD);
    await expect(store.load()).resolves.toEqual(LEAD);
    expect(store.signedIn()).toBe(true);
    expect(store.displayName()).toBe('Camille Martin');
    expect(store.role()).toBe('project_lead');
    expect(store.roleLabel()).toBe('Chef·fe de projet');
    expect(store.hasRole(['lab_manager', 'admin'])).toBe(false);
    expect(store.hasRole(['project_lead'])).toBe(true);
  });

  it('is signed out when the API answers 401', async () => {
    const { store, http } = setup();

    const loading = store.load();
    http.expectOne('/api/v1/auth/me').flush({ status: 401 }, { status: 401, statusText: 'Unauthorized' });

    await expect(loading).resolves.toBeNull();
    expect(store.status()).toBe('signed-out');
    expect(store.role()).toBeNull();
    expect(store.roleLabel()).toBe('');
  });

  it('does not take a server failure for a signed-out person, and asks again next time', async () => {
    const { store, http } = setup();

    const loading = store.load();
    http.expectOne('/api/v1/auth/me').flush(null, { status: 503, statusText: 'Unavailable' });
    await expect(loading).rejects.toMatchObject({ status: 503 });
    expect(store.status()).toBe('unknown');

    const retry = store.load();
    http.expectOne('/api/v1/auth/me').flush(LEAD);
    await expect(retry).resolves.toEqual(LEAD);
  });

  it('signs in with the credentials and keeps the person the API answers', async () => {
    const { store, http } = setup();

    const signingIn = store.signIn({ email: 'lead@demo.sillon.fr', password: 'sillon-demo' });
    const req = http.expectOne({ method: 'POST', url: '/api/v1/auth/login' });
    expect(req.request.body).toEqual({ email: 'lead@demo.sillon.fr', password: 'sillon-demo' });
    req.flush(LEAD);

    await expect(signingIn).resolves.toEqual(LEAD);
    expect(store.me()).toEqual(LEAD);
  });

  it('stays signed out when the credentials are refused', async () => {
    const { store, http } = setup();

    const signingIn = store.signIn({ email: 'lead@demo.sillon.fr', password: 'wrong' });
    http.expectOne('/api/v1/auth/login').flush({ status: 401 }, { status: 401, statusText: 'Unauthorized' });

    await expect(signingIn).rejects.toMatchObject({ status: 401 });
    expect(store.signedIn()).toBe(false);
  });

  it('forgets the person on sign-out, even when the API call fails', async () => {
    const { store, http } = setup();
    const signingIn = store.signIn({ email: 'lead@demo.sillon.fr', password: 'sillon-demo' });
    http.expectOne('/api/v1/auth/login').flush(LEAD);
    await signingIn;

    const signingOut = store.signOut();
    http.expectOne({ method: 'POST', url: '/api/v1/auth/logout' }).flush(null, { status: 500, statusText: 'Error' });

    await expect(signingOut).rejects.toMatchObject({ status: 500 });
    expect(store.status()).toBe('signed-out');
    expect(store.displayName()).toBe('');
  });
});
