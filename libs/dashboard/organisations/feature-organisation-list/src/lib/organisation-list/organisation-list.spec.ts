import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Role } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { OrganisationList } from './organisation-list';

const ORG = {
  id: '66666666-6666-4666-8666-666666666666',
  labId: 'lab',
  name: 'CCAS de Roubaix',
  type: 'local_authority',
  siret: '73282932000074',
  department: '59',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

async function render(role: Role, url = '/organisations') {
  const roleSignal = signal<Role>(role);
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter([{ path: 'organisations', component: OrganisationList }]),
      { provide: SessionStore, useValue: { role: computed(() => roleSignal()) } },
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const http = TestBed.inject(HttpTestingController);
  const request = http.expectOne((r) => r.url === '/api/v1/organisations');
  request.flush({ items: [ORG], total: 1, page: 1, pageSize: 50 });
  await harness.fixture.whenStable();
  return { fixture: harness.fixture, http, request, element: harness.routeNativeElement as HTMLElement };
}

const buttons = (element: HTMLElement) => [...element.querySelectorAll('button')].map((b) => b.textContent?.trim());

// Compiling Material components for the first test is slow on a busy machine.
jest.setTimeout(20_000);

describe('OrganisationList', () => {
  it('lists organisations with type in French, a grouped SIRET and the département by name', async () => {
    const { element } = await render('lab_manager');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('1 organisation');
    const row = element.querySelector('tr.mat-mdc-row');
    expect(row?.textContent).toContain('CCAS de Roubaix');
    expect(row?.textContent).toContain('Collectivité');
    expect(row?.textContent).toContain('732 829 320 00074');
    expect(row?.textContent).toContain('Nord');
  });

  it('offers create and edit to a lab manager only', async () => {
    const manager = await render('lab_manager');
    expect(buttons(manager.element)).toEqual(expect.arrayContaining(['Nouvelle organisation', 'Modifier']));
    TestBed.resetTestingModule();
    const director = await render('regional_director');
    expect(buttons(director.element)).not.toContain('Nouvelle organisation');
    expect(buttons(director.element)).not.toContain('Modifier');
  });

  it('opens the form with the SIRET checked as it is typed', async () => {
    const { fixture, element } = await render('lab_manager');
    [...element.querySelectorAll('button')].find((b) => b.textContent?.includes('Nouvelle organisation'))?.click();
    await fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(dialog.querySelector('h2')?.textContent).toContain('Nouvelle organisation');
    const siret = [...dialog.querySelectorAll('mat-form-field')].find((f) => f.textContent?.includes('SIRET'))?.querySelector('input') as HTMLInputElement;
    siret.value = '7328293200007';
    siret.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(dialog.textContent).toContain('Le SIRET compte 14 chiffres (13 saisis).');
    siret.value = '73282932000075';
    siret.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(dialog.textContent).toContain('clé de contrôle ne correspond pas');
    siret.value = '73282932000074';
    siret.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(dialog.querySelector('mat-error')).toBeNull();
  });

  it('keeps its filters in the URL: read on arrival, written on change', async () => {
    const { fixture, http, request, element } = await render('regional_director', '/organisations?type=association&q=jardins%20fives&page=2');
    expect(request.request.params.get('type')).toBe('association');
    expect(request.request.params.get('q')).toBe('jardins fives');
    expect(request.request.params.get('page')).toBe('2');
    expect((element.querySelector('input[type="search"]') as HTMLInputElement).value).toBe('jardins fives');

    const type = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    await type.open();
    await type.clickOptions({ text: 'Entreprise' });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/organisations?type=company&q=jardins%20fives');
    const next = http.expectOne((r) => r.url === '/api/v1/organisations');
    expect(next.request.params.get('type')).toBe('company');
    expect(next.request.params.get('page')).toBe('1');
  });
});
