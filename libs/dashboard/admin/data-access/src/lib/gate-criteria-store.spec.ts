import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { GateCriteriaStore } from './gate-criteria-store';
import { aCriterion } from './testing-records';

const LAB = aCriterion().labId;

async function loaded() {
  TestBed.configureTestingModule({ providers: [GateCriteriaStore, provideHttpClient(), provideHttpClientTesting()] });
  const store = TestBed.inject(GateCriteriaStore);
  const http = TestBed.inject(HttpTestingController);
  const loading = store.load(LAB);
  http.expectOne(`/api/v1/labs/${LAB}/gate-criteria`).flush([
    aCriterion({ id: 'b', label: 'Atelier tenu', position: 1 }),
    aCriterion(),
    aCriterion({ id: 'c', stage: 'ideation', label: 'Idée retenue' }),
  ]);
  await loading;
  return { store, http };
}

describe('GateCriteriaStore', () => {
  it('groups the criteria by stage, in their order', async () => {
    const { store } = await loaded();
    expect(store.byStage().co_design.map((c) => c.label)).toEqual(['Usagers identifiés', 'Atelier tenu']);
    expect(store.byStage().ideation.map((c) => c.label)).toEqual(['Idée retenue']);
    expect(store.byStage().scale_up).toEqual([]);
  });

  it("replaces one stage's checklist, keeping ids of kept lines, and leaves the others alone", async () => {
    const { store, http } = await loaded();
    const saving = store.save('co_design', [{ id: 'b', label: ' Atelier tenu ' }, { label: 'Financement trouvé' }]);
    const request = http.expectOne(`/api/v1/labs/${LAB}/gate-criteria/co_design`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ criteria: [{ id: 'b', label: 'Atelier tenu' }, { label: 'Financement trouvé' }] });
    request.flush([aCriterion({ id: 'b', label: 'Atelier tenu', position: 0 }), aCriterion({ id: 'd', label: 'Financement trouvé', position: 1 })]);

    expect((await saving).ok).toBe(true);
    expect(store.byStage().co_design.map((c) => c.label)).toEqual(['Atelier tenu', 'Financement trouvé']);
    expect(store.byStage().ideation.map((c) => c.label)).toEqual(['Idée retenue']);
  });

  it('names the wrong line of a refused checklist', async () => {
    const { store, http } = await loaded();
    const saving = store.save('ideation', [{ label: 'x'.repeat(301) }]);
    http.expectOne(`/api/v1/labs/${LAB}/gate-criteria/ideation`).flush(
      { type: 'about:blank', title: 'Données invalides', status: 400, errors: [{ field: 'criteria.0.label', message: '300 caractères au plus.', code: 'maxLength' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    const result = await saving;
    expect(!result.ok && result.fieldErrors).toEqual({ 'criteria.0': '300 caractères au plus.' });
    expect(store.byStage().ideation.map((c) => c.label)).toEqual(['Idée retenue']);
  });
});
