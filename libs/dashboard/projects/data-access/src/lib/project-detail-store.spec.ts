import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ProjectDetailStore } from './project-detail-store';
import { aMilestone, aProject } from './testing-records';

const ID = aProject().id;

describe('ProjectDetailStore', () => {
  let store: ProjectDetailStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [ProjectDetailStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(ProjectDetailStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function loadAll(audit = false): Promise<void> {
    const done = store.load(ID, { audit });
    http.expectOne(`/api/v1/projects/${ID}`).flush(aProject());
    http.expectOne(`/api/v1/projects/${ID}/transitions`).flush([]);
    http.expectOne((r) => r.url === `/api/v1/projects/${ID}/milestones`).flush({ items: [aMilestone()], total: 1, page: 1, pageSize: 200 });
    http.expectOne(`/api/v1/projects/${ID}/partners`).flush([]);
    http
      .expectOne(`/api/v1/projects/${ID}/funding`)
      .flush({ message: 'x' }, { status: 500, statusText: 'Server Error' });
    if (audit) http.expectOne((r) => r.url === '/api/v1/audit').flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await done;
  }

  it('loads every section, a failing one reporting its own error', async () => {
    await loadAll();
    expect(store.project()?.code).toBe('LIL-2026-001');
    expect(store.milestones().value).toHaveLength(1);
    expect(store.partners()).toEqual({ value: [], error: null });
    expect(store.funding().value).toBeNull();
    expect(store.funding().error).toMatch(/échoué/);
    expect(store.audit()).toEqual({ value: null, error: null });
  });

  it('asks the audit trail only when told to', async () => {
    await loadAll(true);
    expect(store.audit().value).toEqual([]);
  });

  it('saves with the version the edit was based on', async () => {
    await loadAll();
    const saving = store.save({ name: 'Repair café itinérant' }, 3);
    const request = http.expectOne(`/api/v1/projects/${ID}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ name: 'Repair café itinérant', version: 3 });
    request.flush(aProject({ name: 'Repair café itinérant', version: 4 }));
    expect(await saving).toMatchObject({ ok: true, value: { version: 4 } });
    expect(store.project()?.version).toBe(4);
  });

  it('answers a stale version with the current project', async () => {
    await loadAll();
    const current = aProject({ name: 'Nom changé ailleurs', version: 5 });
    const saving = store.save({ name: 'Mon nom' }, 3);
    http
      .expectOne(`/api/v1/projects/${ID}`)
      .flush({ type: 'about:blank', title: 'Conflit', status: 409, detail: 'Version périmée.', current }, { status: 409, statusText: 'Conflict' });
    const result = await saving;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.conflict?.version).toBe(5);
    expect(store.project()?.name).toBe('Nom changé ailleurs');
  });

  it('passes field errors back for the form', async () => {
    await loadAll();
    const saving = store.save({ name: ' ' }, 3);
    http
      .expectOne(`/api/v1/projects/${ID}`)
      .flush(
        { title: 'Requête invalide', status: 400, errors: [{ field: 'name', message: 'Le nom doit contenir du texte.', code: 'matches' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(await saving).toEqual({ ok: false, message: 'Requête invalide', fieldErrors: { name: 'Le nom doit contenir du texte.' }, conflict: null });
  });

  it('logs a milestone with the idempotency key and lists a replayed answer once', async () => {
    await loadAll();
    const logged = aMilestone({ id: '55555555-5555-4555-8555-555555555555', title: 'Test utilisateurs', dueOn: '2026-04-01', completedOn: '2026-04-01' });
    for (let attempt = 0; attempt < 2; attempt++) {
      const logging = store.logMilestone({ title: 'Test utilisateurs', kind: 'user_test', dueOn: '2026-04-01', status: 'done' }, 'key-1');
      const request = http.expectOne(`/api/v1/projects/${ID}/milestones`);
      expect(request.request.headers.get('Idempotency-Key')).toBe('key-1');
      request.flush(logged);
      expect(await logging).toEqual({ ok: true, value: logged });
    }
    expect(store.sortedMilestones().map((m) => m.title)).toEqual(['Test utilisateurs', 'Atelier avec les usagers']);
  });

  it('marks a planned milestone done', async () => {
    await loadAll();
    const planned = store.milestones().value?.[0] ?? aMilestone();
    const completing = store.completeMilestone({ ...planned, status: 'planned' }, '2026-03-12');
    const request = http.expectOne(`/api/v1/milestones/${planned.id}`);
    expect(request.request.body).toEqual({ version: 1, status: 'done', completedOn: '2026-03-12' });
    request.flush({ ...planned, status: 'done', completedOn: '2026-03-12', version: 2 });
    await completing;
    expect(store.milestones().value?.[0].version).toBe(2);
  });
});
