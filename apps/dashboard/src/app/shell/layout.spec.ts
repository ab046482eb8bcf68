import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatNavListHarness } from '@angular/material/list/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Me, Role } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { Layout } from './layout';

@Component({ template: '<h1>Page</h1>' })
class Page {}

const person = (role: Role, displayName: string): Me => ({
  id: 'u1',
  email: 'someone@demo.sillon.fr',
  displayName,
  role,
  labId: 'lab-lille',
  labName: 'Lab de Lille',
  regionId: 'hdf',
  regionName: 'Hauts-de-France',
});

async function setup(me: Me) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'connexion', component: Page },
        { path: '', component: Layout, children: [{ path: '**', component: Page }] },
      ]),
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const loading = TestBed.inject(SessionStore).load();
  http.expectOne('/api/v1/auth/me').flush(me);
  await loading;
  const harness = await RouterTestingHarness.create('/projets');
  const loader = TestbedHarnessEnvironment.loader(harness.fixture);
  const nav = await loader.getHarness(MatNavListHarness);
  return {
    harness,
    http,
    loader,
    navLabels: async () => Promise.all((await nav.getItems()).map((item) => item.getFullText())),
    text: () => (harness.fixture.nativeElement as HTMLElement).textContent ?? '',
  };
}

describe('Layout', () => {
  it('shows a project lead the sections they use, without Rapports or Administration', async () => {
    const page = await setup(person('project_lead', 'Camille Martin'));

    expect(await page.navLabels()).toEqual(['Tableau de bord', 'Pipeline', 'Projets', 'Jalons', 'Activités', 'Organisations']);
  });

  it('adds Rapports for a lab manager and a regional director, Journal, Import and Administration for the lab manager only', async () => {
    expect(await (await setup(person('lab_manager', 'Alex Dupont'))).navLabels()).toEqual([
      'Tableau de bord',
      'Pipeline',
      'Projets',
      'Jalons',
      'Activités',
      'Rapports',
      'Organisations',
      'Journal',
      'Import',
      'Administration',
    ]);
    TestBed.resetTestingModule();
    const director = await (await setup(person('regional_director', 'Dominique Leroy'))).navLabels();
    expect(director).toContain('Rapports');
    expect(director).not.toContain('Administration');
    expect(director).not.toContain('Journal');
    expect(director).not.toContain('Import');
  });

  it('shows an admin Administration only: they run the deployment, not the portfolio', async () => {
    const page = await setup(person('admin', 'Sacha Bernard'));

    expect(await page.navLabels()).toEqual(['Administration']);
  });

  it('marks the current section for assistive technology', async () => {
    const page = await setup(person('project_lead', 'Camille Martin'));

    const current = (page.harness.fixture.nativeElement as HTMLElement).querySelectorAll('nav a[aria-current="page"]');
    expect(Array.from(current).map((a) => a.textContent?.trim())).toEqual(['Projets']);
  });

  it('shows who is signed in, with the French role label', async () => {
    const page = await setup(person('lab_manager', 'Alex Dupont'));

    expect(page.text()).toContain('Alex Dupont');
    expect(page.text()).toContain('Responsable de lab');
  });

  it('signs out and returns to the sign-in page', async () => {
    const page = await setup(person('project_lead', 'Camille Martin'));

    await (await page.loader.getHarness(MatButtonHarness.with({ text: 'Se déconnecter' }))).click();
    page.http.expectOne({ method: 'POST', url: '/api/v1/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));
    await page.harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/connexion');
    expect(TestBed.inject(SessionStore).signedIn()).toBe(false);
  });

  it('counts the proposals waiting for a lab manager in the toolbar, in a live region', async () => {
    const page = await setup(person('lab_manager', 'Alex Dupont'));
    const asked = page.http.expectOne((r) => r.url === '/api/v1/proposals');
    expect(asked.request.params.get('status')).toBe('pending');
    asked.flush({ items: [], total: 2, page: 1, pageSize: 1 });
    await new Promise((resolve) => setTimeout(resolve));
    await page.harness.fixture.whenStable();

    const region = (page.harness.fixture.nativeElement as HTMLElement).querySelector('header [aria-live="polite"]') as HTMLElement;
    const link = region.querySelector('a') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('Propositions (2)');
    expect(link.getAttribute('href')).toBe('/pipeline#propositions');
    expect(link.title).toBe('2 propositions de passage attendent votre décision');
  });

  it('tells a project lead when their proposals were decided, and nobody else', async () => {
    const lead = await setup(person('project_lead', 'Camille Martin'));
    const asked = lead.http.expectOne((r) => r.url === '/api/v1/proposals');
    expect(asked.request.params.get('unseen')).toBe('true');
    asked.flush({ items: [], total: 1, page: 1, pageSize: 1 });
    await new Promise((resolve) => setTimeout(resolve));
    await lead.harness.fixture.whenStable();
    expect(lead.text()).toContain('Propositions (1)');
    TestBed.resetTestingModule();

    const director = await setup(person('regional_director', 'Dominique Leroy'));
    director.http.expectNone((r) => r.url === '/api/v1/proposals');
    expect(director.text()).not.toContain('Propositions');
  });
});
