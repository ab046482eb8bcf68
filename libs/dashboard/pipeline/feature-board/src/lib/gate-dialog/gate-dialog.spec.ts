import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { GateCriterion, Project } from '@sillon/contracts';
import { aProject, PipelineStore, ProposalsStore } from '@sillon/dashboard/pipeline/data-access';
import { GateDialog, GateDialogData } from './gate-dialog';

let fixtureStable: () => Promise<unknown> = async () => undefined;
// Lets pending promises, timers and change detection run.
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixtureStable();
  }
};

const criteria: GateCriterion[] = [
  { id: 'c1', labId: 'lab-lille', stage: 'ideation', label: 'Pistes de solution comparées', position: 0 },
  { id: 'c2', labId: 'lab-lille', stage: 'ideation', label: 'Usagers consultés', position: 1 },
];

describe('GateDialog', () => {
  let http: HttpTestingController;
  let close: jest.Mock;
  let store: PipelineStore;
  let el: HTMLElement;
  const project = aProject({ id: 'p1', name: 'Cantine zéro déchet', stage: 'ideation', version: 3, labId: 'lab-lille' });

  async function open(data: Partial<GateDialogData> = {}) {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [GateDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        PipelineStore,
        ProposalsStore,
        { provide: MAT_DIALOG_DATA, useValue: { project, to: 'prototyping', isManager: false, ...data } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PipelineStore);
    const fixture = TestBed.createComponent(GateDialog);
    fixtureStable = () => fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const checkbox = (label: string) =>
    Array.from(el.querySelectorAll('mat-checkbox')).find((c) => c.textContent?.includes(label))?.querySelector('input') as HTMLInputElement;
  const rationale = () => el.querySelector('textarea') as HTMLTextAreaElement;
  const type = (area: HTMLTextAreaElement, text: string) => {
    area.value = text;
    area.dispatchEvent(new Event('input'));
  };
  const submit = () => (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  const text = () => el.textContent?.replace(/\s+/g, ' ') ?? '';

  afterEach(() => http.verify());

  it('shows the checklist to leave the current stage and records the move with what was checked and the version', async () => {
    await open();
    const asked = http.expectOne('/api/v1/labs/lab-lille/gate-criteria?stage=ideation');
    asked.flush(criteria);
    await settle();

    // Until every criterion is checked, the lead's move is a proposal.
    expect(el.querySelector('h2')?.textContent).toContain('Proposer de passer « Cantine zéro déchet » en Prototypage');
    expect(el.querySelector('legend')?.textContent).toContain("Critères pour quitter l'étape Idéation");
    checkbox('Pistes de solution comparées').click();
    checkbox('Usagers consultés').click();
    await settle();
    expect(el.querySelector('h2')?.textContent?.trim()).toBe('Passer « Cantine zéro déchet » en Prototypage');
    expect(el.querySelector('button[type="submit"]')?.textContent).toContain('Valider le passage');
    type(rationale(), '  Le prototype est prêt à être testé.  ');
    submit();
    await settle();

    const post = http.expectOne({ method: 'POST', url: '/api/v1/projects/p1/transitions' });
    expect(post.request.body).toEqual({ to: 'prototyping', rationale: 'Le prototype est prêt à être testé.', version: 3, criteriaMet: ['c1', 'c2'] });
    const result = { project: { ...project, stage: 'prototyping', version: 4 }, transition: {} };
    post.flush(result);
    await settle();
    expect(close).toHaveBeenCalledWith({ kind: 'moved', result });
  });

  it('refuses to send without a rationale, and turns a lead’s move with unmet criteria into a proposal with its reason', async () => {
    await open();
    http.expectOne((r) => r.url.endsWith('/gate-criteria')).flush(criteria);
    await settle();

    submit();
    await settle();
    expect(text()).toContain('Expliquez la décision.');

    type(rationale(), 'On avance.');
    checkbox('Usagers consultés').click();
    await settle();
    expect(el.querySelector('h2')?.textContent).toContain('Proposer de passer « Cantine zéro déchet » en Prototypage');
    expect(text()).toContain("Ce passage demande l'accord de la ou du responsable du lab");
    expect(el.querySelector('button[type="submit"]')?.textContent).toContain('Proposer le passage');
    submit();
    await settle();
    expect(text()).toContain('Expliquez pourquoi le projet passe malgré des critères non remplis');
    http.expectNone((r) => r.method === 'POST');

    type(el.querySelectorAll('textarea')[1] as HTMLTextAreaElement, 'Les usagers seront consultés en juin.');
    submit();
    await settle();
    const post = http.expectOne({ method: 'POST', url: '/api/v1/projects/p1/proposals' });
    expect(post.request.body).toEqual({ to: 'prototyping', rationale: 'On avance.', criteriaMet: ['c2'], unmetReason: 'Les usagers seront consultés en juin.', version: 3 });
    const proposal = { id: 'pr1', projectId: 'p1', status: 'pending' };
    post.flush(proposal);
    await settle();
    expect(close).toHaveBeenCalledWith({ kind: 'proposed', proposal });
  });

  it('asks a lab manager why the gate is passed with a criterion unmet, and sends that reason', async () => {
    await open({ isManager: true });
    http.expectOne((r) => r.url.endsWith('/gate-criteria')).flush(criteria);
    await settle();
    checkbox('Pistes de solution comparées').click();
    await settle();

    const areas = el.querySelectorAll('textarea');
    expect(areas).toHaveLength(2);
    expect(text()).toContain('1 critère non rempli');
    type(areas[0], 'Le financement arrive.');
    submit();
    await settle();
    expect(text()).toContain('Expliquez pourquoi le projet passe malgré des critères non remplis');
    http.expectNone((r) => r.method === 'POST');

    type(areas[1], 'Les usagers seront consultés pendant le prototypage.');
    submit();
    await settle();
    const post = http.expectOne({ method: 'POST', url: '/api/v1/projects/p1/transitions' });
    expect(post.request.body).toMatchObject({ criteriaMet: ['c1'], unmetReason: 'Les usagers seront consultés pendant le prototypage.' });
    post.flush({ project, transition: {} });
    await settle();
  });

  it('on a 409 keeps the rationale typed, explains in French, updates the card and sends the new version next time', async () => {
    await open({ isManager: true });
    http.expectOne((r) => r.url.endsWith('/gate-criteria')).flush(criteria);
    await settle();
    const placed: Project[] = [];
    jest.spyOn(store, 'place').mockImplementation((p) => void placed.push(p));
    checkbox('Pistes de solution comparées').click();
    checkbox('Usagers consultés').click();
    type(rationale(), 'Ma justification détaillée.');
    submit();
    await settle();

    const current = { ...project, version: 5, health: 'red' as const };
    http
      .expectOne({ method: 'POST', url: '/api/v1/projects/p1/transitions' })
      .flush({ type: 'about:blank', title: 'Conflit', status: 409, current }, { status: 409, statusText: 'Conflict' });
    await settle();

    const alert = el.querySelector('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain("Quelqu'un d'autre a modifié ce projet entre-temps : il est maintenant en Idéation. Votre justification est conservée");
    expect(rationale().value).toBe('Ma justification détaillée.');
    expect(placed).toEqual([current]);
    expect(close).not.toHaveBeenCalled();

    submit();
    await settle();
    const retry = http.expectOne({ method: 'POST', url: '/api/v1/projects/p1/transitions' });
    expect(retry.request.body).toMatchObject({ version: 5, rationale: 'Ma justification détaillée.', criteriaMet: ['c1', 'c2'] });
    retry.flush({ project: { ...current, stage: 'prototyping', version: 6 }, transition: {} });
    await settle();
    expect(close).toHaveBeenCalled();
  });

  it('moving back needs no checklist, only the rationale', async () => {
    await open({ isManager: true, to: 'co_design' });
    await settle();
    http.expectNone((r) => r.url.endsWith('/gate-criteria'));
    expect(el.querySelector('h2')?.textContent).toContain('Faire revenir « Cantine zéro déchet » en Co-design');
    expect(el.querySelector('fieldset')).toBeNull();
    type(rationale(), 'Le besoin doit être revu avec les usagers.');
    submit();
    await settle();
    const post = http.expectOne({ method: 'POST', url: '/api/v1/projects/p1/transitions' });
    expect(post.request.body).toEqual({ to: 'co_design', rationale: 'Le besoin doit être revu avec les usagers.', version: 3 });
    post.flush({ project, transition: {} });
    await settle();
  });
});
