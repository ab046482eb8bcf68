import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Me, Role } from '@sillon/contracts';
import { aCriterion, aLab, aRegion, aUser } from '@sillon/dashboard/admin/data-access';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { Administration } from './administration';

// Lets awaited answers reach the component, then waits for the view to be drawn.
async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
}

const LAB = aLab().id;

function sessionAs(role: Role): Partial<SessionStore> {
  const me = signal<Me>({
    id: 'me',
    email: 'me@demo.sillon.fr',
    displayName: 'Alex Dupont',
    role,
    labId: role === 'lab_manager' ? LAB : null,
    labName: role === 'lab_manager' ? 'Lab ESS Lille' : null,
    regionId: null,
    regionName: null,
  });
  return { me, role: computed(() => me().role) };
}

async function open(role: Role) {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), { provide: SessionStore, useValue: sessionAs(role) }],
  });
  const fixture = TestBed.createComponent(Administration);
  const http = TestBed.inject(HttpTestingController);
  const element = fixture.nativeElement as HTMLElement;
  await settle(fixture);
  const tabs = () => [...element.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent?.trim());
  const button = (name: string) => [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  return { fixture, http, element, tabs, button };
}

describe('Administration', () => {
  it('gives an admin the accounts, labs and regions, and lists the accounts', async () => {
    const { fixture, http, element, tabs, button } = await open('admin');
    http.expectOne((r) => r.url === '/api/v1/users').flush({ items: [aUser(), aUser({ id: 'x', displayName: 'Zoé Petit', active: false })], total: 2, page: 1, pageSize: 50 });
    http.expectOne('/api/v1/labs').flush([aLab()]);
    http.expectOne('/api/v1/regions').flush([aRegion()]);
    await settle(fixture);

    expect(tabs()).toEqual(['Utilisateurs', 'Labs', 'Régions']);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('2 comptes');
    const rows = [...element.querySelectorAll('tr[mat-row], tr.mat-mdc-row')].map((row) => row.textContent ?? '');
    expect(rows[0]).toContain('Camille Martin');
    expect(rows[0]).toContain('Chef·fe de projet');
    expect(rows[0]).toContain('Lab ESS Lille');
    expect(rows[1]).toContain('Désactivé');
    expect(button('Nouvel utilisateur')).toBeTruthy();
    expect(element.querySelector('[aria-label="Désactiver Camille Martin"]')).toBeTruthy();
    expect(element.querySelector('[aria-label="Réactiver Zoé Petit"]')).toBeTruthy();
  });

  it('gives a lab manager the gate criteria and a read-only team list', async () => {
    const { fixture, http, element, tabs, button } = await open('lab_manager');
    http.expectOne(`/api/v1/labs/${LAB}/gate-criteria`).flush([aCriterion()]);
    await settle(fixture);

    expect(tabs()).toEqual(['Critères de passage', 'Équipe du lab']);
    expect(element.textContent).toContain('Lab ESS Lille');
    expect([...element.querySelectorAll('h3')].map((h) => h.textContent?.trim())).toEqual([
      'Pour passer de Co-design à Idéation',
      "Pour passer de Idéation à Prototypage",
      'Pour passer de Prototypage à Incubation',
      "Pour passer de Incubation à Changement d'échelle",
    ]);
    expect(element.querySelector<HTMLInputElement>(`#criterion-co_design-0`)?.value).toBe('Usagers identifiés');

    const teamTab = [...element.querySelectorAll<HTMLElement>('[role="tab"]')].find((tab) => tab.textContent?.includes('Équipe'));
    teamTab?.click();
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/v1/users').flush({ items: [aUser()], total: 1, page: 1, pageSize: 50 });
    await settle(fixture);

    expect(element.textContent).toContain('Camille Martin');
    expect(button('Nouvel utilisateur')).toBeUndefined();
    expect(button('Modifier')).toBeUndefined();
    http.expectNone('/api/v1/labs');
  });
});
