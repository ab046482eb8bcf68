import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Me, Project, Role } from '@sillon/contracts';
import { SessionStore } from '@sillon/dashboard/auth/data-access';
import { aMilestone, aProject } from '@sillon/dashboard/projects/data-access';
import { ProjectDetail } from './project-detail';

const PROJECT = aProject();
const LEAD_ID = PROJECT.leadId as string;

async function open(role: Role, userId = LEAD_ID, project: Project = PROJECT) {
  const me = signal<Me>({ id: userId, email: 'x@demo.sillon.fr', displayName: 'X', role, labId: PROJECT.labId, labName: 'Lille', regionId: null, regionName: null });
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'projets/:id', component: ProjectDetail }], withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      { provide: SessionStore, useValue: { me, role: computed(() => me().role) } },
    ],
  });
  const harness = await RouterTestingHarness.create(`/projets/${project.id}`);
  const http = TestBed.inject(HttpTestingController);
  const base = `/api/v1/projects/${project.id}`;
  if (role === 'lab_manager') http.expectOne((r) => r.url === '/api/v1/users').flush({ items: [], total: 0, page: 1, pageSize: 200 });
  http.expectOne(base).flush(project);
  http.expectOne(`${base}/transitions`).flush([
    {
      id: 't1',
      projectId: project.id,
      fromStage: 'co_design',
      toStage: 'ideation',
      fromStatus: 'active',
      toStatus: 'active',
      rationale: 'Besoin confirmé par 12 entretiens.',
      criteriaMet: [],
      criteriaUnmet: [],
      unmetReason: null,
      decidedById: null,
      decidedByName: 'Alex Martin',
      decidedAt: '2026-03-01T09:00:00.000Z',
    },
  ]);
  http.expectOne((r) => r.url === `${base}/milestones`).flush({ items: [aMilestone()], total: 1, page: 1, pageSize: 200 });
  http.expectOne(`${base}/partners`).flush([]);
  http.expectOne(`${base}/funding`).flush({
    items: [
      { id: 'f1', projectId: project.id, labId: project.labId, funderId: null, funderName: 'Région Hauts-de-France', label: 'Amorçage', scheme: 'subvention', amountCents: 1_250_000, status: 'granted', requestedOn: null, decidedOn: null, receivedOn: null, version: 1, createdAt: '', updatedAt: '' },
    ],
    totals: { requested: 0, granted: 1_250_000, received: 0, refused: 0 },
  });
  if (role === 'lab_manager') http.expectOne((r) => r.url === '/api/v1/audit').flush({ items: [], total: 0, page: 1, pageSize: 100 });
  await settle(harness);
  for (const req of http.match((r) => r.url === '/api/v1/activities')) {
    expect(req.request.params.get('project')).toBe(project.id);
    req.flush({ items: [], total: 0, page: 1, pageSize: 50 });
  }
  await settle(harness);
  return { harness, http, element: harness.routeNativeElement as HTMLElement, base };
}

// Lets the awaited HTTP answers resolve, then renders.
async function settle(harness: RouterTestingHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await harness.fixture.whenStable();
}

const button = (element: HTMLElement, text: string) => [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
const field = (element: HTMLElement, label: string) =>
  [...element.querySelectorAll('mat-form-field')].find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)?.querySelector('input, textarea') as HTMLInputElement;

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

// Compiling Material components for the first test is slow on a busy machine.
jest.setTimeout(20_000);

describe('ProjectDetail', () => {
  it('shows the record: history with rationale, milestones, funding in euros', async () => {
    const { element } = await open('project_lead');
    expect(element.querySelector('h1')?.textContent).toContain('Repair café mobile');
    expect(element.textContent).toContain('Co-design → Idéation');
    expect(element.textContent).toContain('Besoin confirmé par 12 entretiens.');
    expect(element.textContent).toContain('Atelier avec les usagers');
    expect(element.textContent).toContain('14 participants');
    expect(element.textContent?.replace(/\s/g, ' ')).toContain('12 500 €');
    expect(element.textContent).not.toContain("Journal d'audit");
  });

  it('gives a regional director no edit button and no milestone form', async () => {
    const { element } = await open('regional_director', 'someone-else');
    expect(element.textContent).toContain('Lecture seule');
    expect(button(element, 'Modifier le projet')).toBeUndefined();
    expect(element.textContent).not.toContain('Consigner un jalon');
  });

  it('shows a lab manager the audit trail', async () => {
    const { element } = await open('lab_manager', 'manager');
    expect(element.textContent).toContain("Journal d'audit");
    expect(button(element, 'Modifier le projet')).toBeDefined();
  });

  it('logs a milestone with an idempotency key and lists it', async () => {
    const { harness, http, element, base } = await open('project_lead');
    type(field(element, 'Intitulé du jalon'), 'Test du prototype');
    button(element, 'Consigner le jalon')?.click();
    const request = http.expectOne(`${base}/milestones`);
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.request.body).toMatchObject({ title: 'Test du prototype', kind: 'workshop', status: 'done' });
    request.flush(aMilestone({ id: 'm2', title: 'Test du prototype', dueOn: '2099-01-01', completedOn: '2099-01-01' }));
    await settle(harness);
    expect(element.querySelector('.timeline li .title')?.textContent).toBe('Test du prototype');
    expect(element.textContent).toContain('Jalon « Test du prototype » consigné.');
  });

  it('keeps the input and shows the current values when someone else saved first', async () => {
    const { harness, http, element, base } = await open('project_lead');
    button(element, 'Modifier le projet')?.click();
    await harness.fixture.whenStable();
    type(field(element, 'Nom du projet'), 'Mon nouveau nom');
    button(element, 'Enregistrer')?.click();
    const stale = http.expectOne(base);
    expect(stale.request.body).toMatchObject({ name: 'Mon nouveau nom', version: PROJECT.version });
    stale.flush(
      { type: 'about:blank', title: 'Conflit', status: 409, detail: 'Version périmée.', current: { ...PROJECT, name: 'Nom de quelqu’un d’autre', version: 4 } },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(harness);
    expect(element.textContent).toContain("Ce projet a été modifié par quelqu'un d'autre");
    expect(element.querySelector('.differences')?.textContent).toContain('Nom de quelqu’un d’autre');
    expect(field(element, 'Nom du projet').value).toBe('Mon nouveau nom');

    button(element, 'Enregistrer')?.click();
    const retry = http.expectOne(base);
    // Only the field the person changed is sent: another person's other changes survive.
    expect(retry.request.body).toEqual({ name: 'Mon nouveau nom', version: 4 });
    retry.flush({ ...PROJECT, name: 'Mon nouveau nom', version: 5 });
    await settle(harness);
    expect(element.querySelector('h1')?.textContent).toContain('Mon nouveau nom');
  });

  it('offers a lab manager the status decisions other than the current one, and archiving', async () => {
    const { element } = await open('lab_manager', 'manager');
    const decisions = element.querySelector('[aria-label="Décisions sur le projet"]');
    expect([...(decisions?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim())).toEqual([
      'Mettre en pause',
      'Arrêter le projet',
      'Marquer comme essaimé',
      'Archiver le projet',
    ]);
  });

  it('shows why a project stopped, and offers a lab manager to restore an archived one only', async () => {
    const stopped = aProject({ status: 'stopped', statusReason: "Le besoin était couvert : mieux cartographier l'existant.", archivedAt: '2026-03-02T10:00:00.000Z' });
    const { element } = await open('lab_manager', 'manager', stopped);
    expect(element.querySelector('.status-reason')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      "Enseignement tiré : Le besoin était couvert : mieux cartographier l'existant.",
    );
    const decisions = element.querySelector('[aria-label="Décisions sur le projet"]');
    expect([...(decisions?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim())).toEqual(['Restaurer le projet']);
  });

  it('gives a project lead no status decision', async () => {
    const { element } = await open('project_lead');
    expect(element.querySelector('[aria-label="Décisions sur le projet"]')).toBeNull();
  });
});
