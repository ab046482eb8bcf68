import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ProjectProposal } from '@sillon/contracts';
import { ProposalNotifications } from './proposal-notifications';
import { ProposalsStore } from './proposals-store';
import { aProject } from './testing-projects';

const flushAsync = () => new Promise((resolve) => setTimeout(resolve));

const aProposal = (overrides: Partial<ProjectProposal> = {}): ProjectProposal => ({
  id: 'pr1',
  labId: 'lab-lille',
  projectId: 'p1',
  projectCode: 'LIL-2026-001',
  projectName: 'Cantine zéro déchet',
  fromStage: 'co_design',
  toStage: 'prototyping',
  rationale: 'Le prototype existe déjà.',
  criteriaMet: [],
  unmetReason: 'Idéation faite avec le CCAS.',
  proposedById: 'lead-1',
  proposedByName: 'Léo Lille',
  proposedAt: '2026-11-02T09:00:00.000Z',
  status: 'pending',
  decidedById: null,
  decidedByName: null,
  decidedAt: null,
  decisionNote: null,
  transitionId: null,
  outcomeSeenAt: null,
  version: 1,
  ...overrides,
});

describe('ProposalsStore', () => {
  let store: ProposalsStore;
  let notifications: ProposalNotifications;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [ProposalsStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(ProposalsStore);
    notifications = TestBed.inject(ProposalNotifications);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists a lead’s open proposals, then the decisions they have not read', async () => {
    const loading = store.load('project_lead');
    http.expectOne((r) => r.url === '/api/v1/proposals' && r.params.get('status') === 'pending').flush({ items: [aProposal()], total: 1, page: 1, pageSize: 200 });
    const decided = aProposal({ id: 'pr2', status: 'refused', decidedAt: '2026-11-03T09:00:00.000Z', decisionNote: 'Pas encore.' });
    http.expectOne((r) => r.url === '/api/v1/proposals' && r.params.get('unseen') === 'true').flush({ items: [decided], total: 1, page: 1, pageSize: 200 });
    await loading;
    expect(store.items()?.map((p) => p.id)).toEqual(['pr1', 'pr2']);
  });

  it('decides with the version read and takes the proposal out of the list; the toolbar count is asked again', async () => {
    notifications.watch('lab_manager');
    http.expectOne((r) => r.url === '/api/v1/proposals').flush({ items: [], total: 1, page: 1, pageSize: 1 });
    const loading = store.load('lab_manager');
    http.expectOne((r) => r.url === '/api/v1/proposals' && r.params.get('pageSize') === '200').flush({ items: [aProposal()], total: 1, page: 1, pageSize: 200 });
    await loading;
    http.expectOne((r) => r.url === '/api/v1/proposals' && r.params.get('pageSize') === '1').flush({ items: [], total: 1, page: 1, pageSize: 1 });

    const deciding = store.decide(aProposal(), 'accepted', 'Accord du comité.');
    const post = http.expectOne({ method: 'POST', url: '/api/v1/proposals/pr1/decision' });
    expect(post.request.body).toEqual({ decision: 'accepted', version: 1, note: 'Accord du comité.' });
    post.flush({ proposal: aProposal({ status: 'accepted', version: 2 }), project: aProject({ stage: 'prototyping' }), transition: null });
    const outcome = await deciding;
    expect(outcome.ok).toBe(true);
    expect(store.items()).toEqual([]);
    http.expectOne((r) => r.url === '/api/v1/proposals' && r.params.get('status') === 'pending').flush({ items: [], total: 0, page: 1, pageSize: 1 });
    await flushAsync();
    expect(notifications.count()).toBe(0);
    notifications.stop();
  });

  it('on a 409 says why and shows the list as it stands now', async () => {
    const loading = store.load('lab_manager');
    http.expectOne((r) => r.url === '/api/v1/proposals').flush({ items: [aProposal()], total: 1, page: 1, pageSize: 200 });
    await loading;

    const deciding = store.decide(aProposal(), 'refused', 'Trop tôt.');
    http
      .expectOne({ method: 'POST', url: '/api/v1/proposals/pr1/decision' })
      .flush({ type: 'urn:sillon:problem:proposal-decided', title: 'Conflit', status: 409, detail: 'Cette proposition a déjà été décidée.' }, { status: 409, statusText: 'Conflict' });
    const outcome = await deciding;
    expect(outcome).toMatchObject({ ok: false, status: 409, message: 'Cette proposition a déjà été décidée.' });
    http.expectOne((r) => r.url === '/api/v1/proposals').flush({ items: [], total: 0, page: 1, pageSize: 200 });
    await flushAsync();
    expect(store.items()).toEqual([]);
  });
});
