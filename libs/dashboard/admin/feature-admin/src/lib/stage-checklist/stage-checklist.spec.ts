import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { GateCriteriaStore, aCriterion } from '@sillon/dashboard/admin/data-access';
import { StageChecklist } from './stage-checklist';

// Lets awaited answers reach the component, then waits for the view to be drawn.
async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
}

const LAB = aCriterion().labId;
const URL = `/api/v1/labs/${LAB}/gate-criteria`;

async function open() {
  TestBed.configureTestingModule({ providers: [GateCriteriaStore, provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()] });
  const store = TestBed.inject(GateCriteriaStore);
  const http = TestBed.inject(HttpTestingController);
  const loading = store.load(LAB);
  http.expectOne(URL).flush([aCriterion(), aCriterion({ id: 'b', label: 'Atelier tenu', position: 1 })]);
  await loading;
  const fixture = TestBed.createComponent(StageChecklist);
  fixture.componentRef.setInput('stage', 'co_design');
  fixture.componentRef.setInput('criteria', store.byStage().co_design);
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;
  const button = (name: string) => {
    const found = [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const labels = () => [...element.querySelectorAll<HTMLInputElement>('input')].map((input) => input.value);
  const type = (index: number, text: string) => {
    const input = element.querySelectorAll<HTMLInputElement>('input')[index];
    input.value = text;
    input.dispatchEvent(new Event('input'));
  };
  // jsdom has no implicit submission: the form gets the event a click on its submit button sends.
  const save = async () => {
    expect(button('Enregistrer').disabled).toBe(false);
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
  };
  return { fixture, store, http, element, button, labels, type, save };
}

describe('StageChecklist', () => {
  it('adds, reorders and removes lines, then saves the list with the ids kept', async () => {
    const { fixture, http, button, labels, type, element, save } = await open();
    expect(button('Enregistrer').disabled).toBe(true);

    button('Ajouter un critère').click();
    await settle(fixture);
    type(2, 'Financement trouvé');
    button('Monter le critère 3').click();
    await settle(fixture);
    expect(labels()).toEqual(['Usagers identifiés', 'Financement trouvé', 'Atelier tenu']);
    expect(document.activeElement?.id).toBe('criterion-co_design-1-up');
    button('Retirer le critère 1').click();
    await settle(fixture);
    expect(labels()).toEqual(['Financement trouvé', 'Atelier tenu']);

    await save();
    const request = http.expectOne(`${URL}/co_design`);
    expect(request.request.body).toEqual({ criteria: [{ label: 'Financement trouvé' }, { id: 'b', label: 'Atelier tenu' }] });
    request.flush([aCriterion({ id: 'd', label: 'Financement trouvé', position: 0 }), aCriterion({ id: 'b', label: 'Atelier tenu', position: 1 })]);
    await settle(fixture);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Critères enregistrés.');
  });

  it('does not send a blank line and says what to do', async () => {
    const { fixture, http, button, element, save } = await open();
    button('Ajouter un critère').click();
    await settle(fixture);
    await save();
    http.expectNone(`${URL}/co_design`);
    expect(element.textContent).toContain('Décrivez le critère, ou retirez la ligne.');
  });

  it('shows a refused line’s error under it and keeps what was typed', async () => {
    const { fixture, http, labels, type, element, save } = await open();
    type(1, 'Atelier tenu avec 5 usagers');
    await settle(fixture);
    await save();
    http.expectOne(`${URL}/co_design`).flush(
      { type: 'about:blank', title: 'Données invalides', status: 400, errors: [{ field: 'criteria.1.label', message: 'Ce libellé est refusé.', code: 'x' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(labels()).toEqual(['Usagers identifiés', 'Atelier tenu avec 5 usagers']);
    expect(element.querySelectorAll('li')[1].textContent).toContain('Ce libellé est refusé.');
  });
});
