import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Me, Role } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { aProject } from '@sillon/dashboard/projects/data-access';
import { ProjectList } from './project-list';

const ME_ID = '33333333-3333-4333-8333-333333333333';

function sessionAs(role: Role): Partial<SessionStore> {
  const me = signal<Me>({ id: ME_ID, email: 'x@demo.sillon.fr', displayName: 'Camille', role, labId: 'lab', labName: 'Lille', regionId: null, regionName: null });
  return { me, role: computed(() => me().role) };
}

async function open(role: Role, url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'projets', component: ProjectList }]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      { provide: SessionStore, useValue: sessionAs(role) },
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const http = TestBed.inject(HttpTestingController);
  return { harness, http, element: harness.routeNativeElement as HTMLElement, router: TestBed.inject(Router) };
}

const projectsRequest = (http: HttpTestingController) => http.expectOne((r) => r.url === '/api/v1/projects');

// Compiling Material components for the first test is slow on a busy machine.
jest.setTimeout(20_000);

describe('ProjectList', () => {
  it('asks the API for the filters in the URL and lists the answer', async () => {
    const { harness, http, element } = await open('lab_manager', '/projets?stage=ideation&health=red');
    http.expectOne((r) => r.url === '/api/v1/users').flush({ items: [], total: 0, page: 1, pageSize: 200 });
    const request = projectsRequest(http);
    expect(request.request.params.getAll('stage')).toEqual(['ideation']);
    expect(request.request.params.getAll('health')).toEqual(['red']);
    request.flush({ items: [aProject({ health: 'red' })], total: 1, page: 1, pageSize: 50 });
    await harness.fixture.whenStable();

    expect(element.querySelector('[role="status"]')?.textContent).toContain('1 projet');
    const link = element.querySelector<HTMLAnchorElement>('table a');
    expect(link?.textContent).toContain('Repair café mobile');
    expect(link?.getAttribute('href')).toBe(`/projets/${aProject().id}`);
    expect(element.querySelector('table')?.textContent).toContain('En difficulté');
    expect([...element.querySelectorAll('button')].some((b) => b.textContent?.includes('Nouveau projet'))).toBe(true);
  });

  it('shows a regional director no create button', async () => {
    const { harness, http, element } = await open('regional_director', '/projets');
    http.expectOne('/api/v1/labs').flush([]);
    projectsRequest(http).flush({ items: [aProject()], total: 1, page: 1, pageSize: 50 });
    await harness.fixture.whenStable();
    expect(element.textContent).toContain('Repair café mobile');
    expect([...element.querySelectorAll('button')].some((b) => b.textContent?.includes('Nouveau projet'))).toBe(false);
  });

  it("opens a project lead's list on their own projects", async () => {
    const { harness, http, router } = await open('project_lead', '/projets');
    await harness.fixture.whenStable();
    expect(router.url).toBe(`/projets?lead=${ME_ID}`);
    const requests = http.match((r) => r.url === '/api/v1/projects');
    expect(requests.at(-1)?.request.params.getAll('lead')).toEqual([ME_ID]);
  });

  it('keeps a search in the URL so the view can be shared', async () => {
    const { harness, http, element, router } = await open('lab_manager', '/projets');
    http.expectOne((r) => r.url === '/api/v1/users').flush({ items: [], total: 0, page: 1, pageSize: 200 });
    projectsRequest(http).flush({ items: [], total: 0, page: 1, pageSize: 50 });
    await harness.fixture.whenStable();
    expect(element.textContent).toContain("Aucun projet pour l'instant.");

    const search = element.querySelector<HTMLInputElement>('input[type="search"]');
    if (!search) throw new Error('no search field');
    search.value = 'vélo';
    search.dispatchEvent(new Event('input'));
    // The search waits for a pause in typing.
    await new Promise((resolve) => setTimeout(resolve, 450));
    await harness.fixture.whenStable();
    expect(router.url).toBe('/projets?q=v%C3%A9lo');
    expect(projectsRequest(http).request.params.get('q')).toBe('vélo');
  });
});
