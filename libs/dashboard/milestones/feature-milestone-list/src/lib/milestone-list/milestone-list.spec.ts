import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Me, Milestone, Role } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { MilestoneList } from './milestone-list';

const LAB = '22222222-2222-4222-8222-222222222222';
const MINE = '11111111-1111-4111-8111-111111111111';
const OTHER = '33333333-3333-4333-8333-333333333333';

const milestone = (overrides: Partial<Milestone>): Milestone => ({
  id: 'm1',
  projectId: MINE,
  projectCode: 'LIL-2026-001',
  projectName: 'Repair café mobile',
  labId: LAB,
  title: 'Comité de pilotage',
  kind: 'decision',
  stage: 'ideation',
  dueOn: '2020-05-10',
  completedOn: null,
  status: 'planned',
  late: true,
  ownerId: null,
  ownerName: 'Julie Lambert',
  participantCount: null,
  evidenceUrl: null,
  version: 1,
  createdAt: '2026-03-10T09:00:00.000Z',
  updatedAt: '2026-03-10T09:00:00.000Z',
  ...overrides,
});

async function open(role: Role, url: string) {
  const me = signal<Me>({ id: 'me', email: 'x@demo.sillon.fr', displayName: 'X', role, labId: role === 'regional_director' ? null : LAB, labName: null, regionId: null, regionName: null });
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'jalons', component: MilestoneList }]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      { provide: SessionStore, useValue: { me, role: computed(() => me().role) } },
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/v1/milestone-owners').flush([]);
  http.expectOne((r) => r.url === '/api/v1/projects' && !r.params.has('lead')).flush({ items: [], total: 0, page: 1, pageSize: 200 });
  if (role === 'project_lead') {
    http.expectOne((r) => r.url === '/api/v1/projects' && r.params.get('lead') === 'me').flush({ items: [{ id: MINE }], total: 1, page: 1, pageSize: 200 });
  }
  return { harness, http, element: harness.routeNativeElement as HTMLElement };
}

async function settle(harness: RouterTestingHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await harness.fixture.whenStable();
}

const buttons = (row: Element | undefined) => [...(row?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim());

jest.setTimeout(20_000);

describe('MilestoneList', () => {
  it('asks the API for the view and filters of the URL, and shows how late each milestone is', async () => {
    const { harness, http, element } = await open('lab_manager', `/jalons?view=overdue&stage=prototyping&from=2020-01-01`);
    const request = http.expectOne((r) => r.url === '/api/v1/milestones');
    expect(request.request.params.get('overdue')).toBe('true');
    expect(request.request.params.get('stage')).toBe('prototyping');
    expect(request.request.params.get('dueFrom')).toBe('2020-01-01');
    request.flush({ items: [milestone({})], total: 1, page: 1, pageSize: 50 });
    await settle(harness);
    expect(element.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.trim()).toBe('En retard');
    const row = element.querySelector('tbody tr');
    expect(row?.textContent).toContain('10/05/2020');
    expect(row?.textContent).toMatch(/\d+ jours de retard/);
    expect(buttons(row ?? undefined)).toEqual(['Modifier', 'Marquer comme réalisé', 'Annuler le jalon']);
    expect(element.textContent).toContain('1 jalon · En retard');
  });

  it('bounds the completion date in the done view', async () => {
    const { http } = await open('regional_director', `/jalons?view=done&from=2025-01-01&to=2025-12-31`);
    const request = http.expectOne((r) => r.url === '/api/v1/milestones');
    expect(request.request.params.get('status')).toBe('done');
    expect(request.request.params.get('completedFrom')).toBe('2025-01-01');
    expect(request.request.params.get('completedTo')).toBe('2025-12-31');
    expect(request.request.params.has('dueFrom')).toBe(false);
  });

  it('offers to reopen a done or cancelled milestone, not to complete or cancel it again', async () => {
    const { harness, http, element } = await open('lab_manager', `/jalons?view=done`);
    http
      .expectOne((r) => r.url === '/api/v1/milestones')
      .flush({ items: [milestone({ status: 'done', completedOn: '2020-05-12', late: false })], total: 1, page: 1, pageSize: 50 });
    await settle(harness);
    expect(buttons(element.querySelector('tbody tr') ?? undefined)).toEqual(['Modifier', 'Rouvrir le jalon']);
  });

  it('offers a project lead the actions on the projects they lead only, and a director none', async () => {
    const rows = [milestone({ id: 'a', title: 'Le mien' }), milestone({ id: 'b', title: "D'un autre", projectId: OTHER })];
    const lead = await open('project_lead', '/jalons');
    lead.http.expectOne((r) => r.url === '/api/v1/milestones').flush({ items: rows, total: 2, page: 1, pageSize: 50 });
    await settle(lead.harness);
    const [mine, other] = [...lead.element.querySelectorAll('tbody tr')];
    expect(buttons(mine)).toContain('Modifier');
    expect(buttons(other)).toEqual([]);

    TestBed.resetTestingModule();
    const director = await open('regional_director', '/jalons');
    director.http.expectOne((r) => r.url === '/api/v1/milestones').flush({ items: rows, total: 2, page: 1, pageSize: 50 });
    await settle(director.harness);
    expect(director.element.querySelectorAll('tbody button')).toHaveLength(0);
  });
});
