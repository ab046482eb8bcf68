import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Milestone } from '@sillon/contracts';
import { WriteResult } from '@sillon/dashboard/shared/util';
import { MilestoneChanges, MilestoneDialogData } from '../milestone-dialog-data';
import { MilestoneEditDialog } from './milestone-edit-dialog';

const MILESTONE: Milestone = {
  id: '44444444-4444-4444-8444-444444444444',
  projectId: '11111111-1111-4111-8111-111111111111',
  projectCode: 'LIL-2026-001',
  projectName: 'Repair café mobile',
  labId: '22222222-2222-4222-8222-222222222222',
  title: 'Comité de pilotage',
  kind: 'decision',
  stage: 'ideation',
  dueOn: '2026-05-10',
  completedOn: null,
  status: 'planned',
  late: false,
  ownerId: null,
  ownerName: null,
  participantCount: null,
  evidenceUrl: null,
  version: 3,
  createdAt: '2026-03-10T09:00:00.000Z',
  updatedAt: '2026-03-10T09:00:00.000Z',
};

type Save = (changes: MilestoneChanges, version: number) => Promise<WriteResult<Milestone>>;

function open(answers: WriteResult<Milestone>[]) {
  const calls: { changes: MilestoneChanges; version: number }[] = [];
  const save: Save = async (changes, version) => {
    calls.push({ changes, version });
    return answers.shift() as WriteResult<Milestone>;
  };
  const close = jest.fn();
  const data: MilestoneDialogData = { milestone: MILESTONE, owners: [{ id: 'o1', displayName: 'Julie Lambert', labId: MILESTONE.labId }], save };
  TestBed.configureTestingModule({
    providers: [provideNoopAnimations(), { provide: MAT_DIALOG_DATA, useValue: data }, { provide: MatDialogRef, useValue: { close } }],
  });
  const fixture = TestBed.createComponent(MilestoneEditDialog);
  const element = fixture.nativeElement as HTMLElement;
  return { fixture, element, calls, close };
}

const field = (element: HTMLElement, label: string) =>
  [...element.querySelectorAll('mat-form-field')].find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)?.querySelector('input') as HTMLInputElement;

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

const submit = (element: HTMLElement) => (element.querySelector('button[type="submit"]') as HTMLButtonElement).click();
const settle = async (fixture: { whenStable(): Promise<unknown> }) => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
};

jest.setTimeout(20_000);

describe('MilestoneEditDialog', () => {
  it('sends only what was changed, on the version it was opened with, and closes with the saved milestone', async () => {
    const saved = { ...MILESTONE, dueOn: '2026-06-01', version: 4 };
    const { fixture, element, calls, close } = open([{ ok: true, value: saved }]);
    await fixture.whenStable();
    type(field(element, 'Échéance'), '2026-06-01');
    type(field(element, 'Lien vers la preuve'), ' https://pad.lab.fr/cr ');
    submit(element);
    await settle(fixture);
    expect(calls).toEqual([{ changes: { dueOn: '2026-06-01', evidenceUrl: 'https://pad.lab.fr/cr' }, version: 3 }]);
    expect(close).toHaveBeenCalledWith(saved);
  });

  it('refuses an empty title and a link that is not https, without calling the API', async () => {
    const { fixture, element, calls } = open([]);
    await fixture.whenStable();
    type(field(element, 'Intitulé du jalon'), '  ');
    type(field(element, 'Lien vers la preuve'), 'http://pad.lab.fr');
    submit(element);
    await settle(fixture);
    expect(calls).toEqual([]);
    expect(element.textContent).toContain('Donnez un intitulé au jalon.');
    expect(element.textContent).toContain('Indiquez une adresse web complète commençant par https://');
  });

  it('puts the server’s word beside its field', async () => {
    const { fixture, element } = open([{ ok: false, message: 'Requête invalide', fieldErrors: { ownerId: "Cette personne n'est pas membre active du lab du projet." }, conflict: null }]);
    await fixture.whenStable();
    type(field(element, 'Intitulé du jalon'), 'Comité élargi');
    submit(element);
    await settle(fixture);
    const owner = [...element.querySelectorAll('mat-form-field')].find((f) => f.querySelector('mat-label')?.textContent?.trim() === 'Responsable');
    expect(owner?.textContent).toContain("Cette personne n'est pas membre active du lab du projet.");
  });

  it('after a 409, keeps what was typed, says how the milestone stands now and saves on its version', async () => {
    const current = { ...MILESTONE, status: 'done' as const, completedOn: '2026-05-02', ownerName: 'Julie Lambert', version: 5 };
    const { fixture, element, calls, close } = open([
      { ok: false, message: 'Conflit', fieldErrors: {}, conflict: current },
      { ok: true, value: { ...current, title: 'Comité élargi', version: 6 } },
    ]);
    await fixture.whenStable();
    type(field(element, 'Intitulé du jalon'), 'Comité élargi');
    submit(element);
    await settle(fixture);
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("Ce jalon a été modifié par quelqu'un d'autre entre-temps.");
    expect(alert?.textContent).toContain('réalisé le 02/05/2026, responsable : Julie Lambert');
    expect(document.activeElement).toBe(alert);
    expect(field(element, 'Intitulé du jalon').value).toBe('Comité élargi');
    expect(close).not.toHaveBeenCalled();
    submit(element);
    await settle(fixture);
    expect(calls[1]).toEqual({ changes: { title: 'Comité élargi' }, version: 5 });
    expect(close).toHaveBeenCalled();
  });
});
