import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DirectoryStore } from './directory-store';
import { aLab, aRegion } from './testing-records';

function setup() {
  TestBed.configureTestingModule({ providers: [DirectoryStore, provideHttpClient(), provideHttpClientTesting()] });
  return { store: TestBed.inject(DirectoryStore), http: TestBed.inject(HttpTestingController) };
}

async function loaded() {
  const { store, http } = setup();
  const loading = store.load();
  http.expectOne('/api/v1/labs').flush([aLab({ name: 'Lab Rouen', id: 'b' }), aLab()]);
  http.expectOne('/api/v1/regions').flush([aRegion()]);
  await loading;
  return { store, http };
}

describe('DirectoryStore', () => {
  it('reads labs and regions, sorted by name', async () => {
    const { store } = await loaded();
    expect(store.sortedLabs().map((l) => l.name)).toEqual(['Lab ESS Lille', 'Lab Rouen']);
    expect(store.sortedRegions()).toEqual([aRegion()]);
    expect(store.loaded()).toBe(true);
  });

  it('edits a lab with its version and, on a conflict, keeps the lab as it is now', async () => {
    const { store, http } = await loaded();
    const current = aLab({ name: 'Lab ESS Lille Métropole', version: 3 });
    const saving = store.updateLab(aLab(), { departments: ['59'] });
    const request = http.expectOne(`/api/v1/labs/${aLab().id}`);
    expect(request.request.body).toEqual({ departments: ['59'], version: 1 });
    request.flush({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'Ce lab a été modifié entre-temps.', current }, { status: 409, statusText: 'Conflict' });

    const result = await saving;
    expect(!result.ok && result.conflict).toEqual(current);
    expect(store.labs().find((l) => l.id === aLab().id)?.name).toBe('Lab ESS Lille Métropole');
  });

  it('adds a created region and carries a new region name to its labs', async () => {
    const { store, http } = await loaded();
    const creating = store.createRegion('Normandie');
    http.expectOne('/api/v1/regions').flush(aRegion({ id: 'n', name: 'Normandie' }));
    expect((await creating).ok).toBe(true);
    expect(store.sortedRegions().map((r) => r.name)).toEqual(['Hauts-de-France', 'Normandie']);

    const renaming = store.renameRegion(aRegion(), 'Hauts de France');
    const request = http.expectOne(`/api/v1/regions/${aRegion().id}`);
    expect(request.request.body).toEqual({ name: 'Hauts de France' });
    request.flush(aRegion({ name: 'Hauts de France' }));
    await renaming;
    expect(store.labs().every((l) => l.regionName === 'Hauts de France')).toBe(true);
  });

  it('says in French when the directory cannot be read', async () => {
    const { store, http } = setup();
    const loading = store.load();
    http.expectOne('/api/v1/labs').flush({ type: 'about:blank', title: 'Interdit', status: 403, detail: "Réservé à l'administration" }, { status: 403, statusText: 'Forbidden' });
    http.expectOne('/api/v1/regions').flush([]);
    await loading;
    expect(store.error()).toBe("Réservé à l'administration");
  });
});
