import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { CreateActivityRequest, LabActivity } from '@sillon/contracts';
import { WriteResult } from '@sillon/dashboard/shared/util';
import { ActivityDialog, ActivityDialogData } from './activity-dialog';

const ACTIVITY: LabActivity = {
  id: '44444444-4444-4444-8444-444444444444',
  labId: '22222222-2222-4222-8222-222222222222',
  labName: 'Lab de Lille',
  title: 'Visite de la préfète',
  kind: 'visit',
  startsOn: '2026-03-14',
  endsOn: null,
  place: 'Lille',
  description: null,
  projects: [],
  facilitators: [],
  attendance: { state: 8, local_authority: 4, association: 0, company: 0, citizen: 0, other: 0 },
  participants: 12,
  createdBy: null,
  createdByName: null,
  version: 2,
  createdAt: '2026-03-10T09:00:00.000Z',
  updatedAt: '2026-03-10T09:00:00.000Z',
};

function open(activity: LabActivity | null, answers: WriteResult<LabActivity>[]) {
  const calls: { request: CreateActivityRequest; version: number | null }[] = [];
  const close = jest.fn();
  const data: ActivityDialogData = {
    activity,
    projects: [],
    organisations: [],
    save: async (request, version) => {
      calls.push({ request, version });
      return answers.shift() as WriteResult<LabActivity>;
    },
  };
  TestBed.configureTestingModule({
    providers: [provideNoopAnimations(), { provide: MAT_DIALOG_DATA, useValue: data }, { provide: MatDialogRef, useValue: { close } }],
  });
  const fixture = TestBed.createComponent(ActivityDialog);
  return { fixture, element: fixture.nativeElement as HTMLElement, calls, close };
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

describe('ActivityDialog', () => {
  it('totals the participants as they are typed, leaving out what is not a count', async () => {
    const { fixture, element } = open(null, []);
    await fixture.whenStable();
    const total = () => element.querySelector('output')?.textContent?.trim();
    expect(total()).toBe('0 participant');
    type(field(element, 'Citoyens'), '1200');
    type(field(element, 'Associations'), '30');
    await settle(fixture);
    expect(total()).toBe('1 230 participants'.replace(' ', '\u202f'));
    type(field(element, 'Entreprises'), '-4');
    await settle(fixture);
    expect(total()?.replace(/\u202f/g, ' ')).toBe('1 230 participants');
  });

  it('creates with every actor type counted, and shows the API’s word next to its field', async () => {
    const failure: WriteResult<LabActivity> = {
      ok: false,
      message: 'La requête contient des données invalides.',
      fieldErrors: { endsOn: 'La date de fin ne peut pas précéder la date de début.' },
      conflict: null,
    };
    const { fixture, element, calls, close } = open(null, [failure]);
    await fixture.whenStable();
    type(field(element, 'Intitulé'), ' Atelier créatif ');
    type(field(element, 'Date de début'), '2026-03-12');
    type(field(element, 'Date de fin'), '2026-03-10');
    type(field(element, 'Citoyens'), '40');
    submit(element);
    await settle(fixture);
    expect(calls).toEqual([
      {
        version: null,
        request: {
          title: 'Atelier créatif',
          kind: 'workshop',
          startsOn: '2026-03-12',
          endsOn: '2026-03-10',
          place: null,
          description: null,
          projectIds: [],
          facilitatorIds: [],
          attendance: { state: 0, local_authority: 0, association: 0, company: 0, citizen: 40, other: 0 },
        },
      },
    ]);
    expect(close).not.toHaveBeenCalled();
    const endField = [...element.querySelectorAll('mat-form-field')].find((f) => f.querySelector('mat-label')?.textContent?.trim() === 'Date de fin');
    expect(endField?.textContent).toContain('La date de fin ne peut pas précéder la date de début.');
  });

  it('after a 409, says how the activity stands now and saves again on its version', async () => {
    const current = { ...ACTIVITY, title: 'Visite officielle', version: 3 };
    const saved = { ...current, version: 4 };
    const { fixture, element, calls, close } = open(ACTIVITY, [{ ok: false, message: '', fieldErrors: {}, conflict: current }, { ok: true, value: saved }]);
    await fixture.whenStable();
    expect(field(element, 'État').value).toBe('8');
    type(field(element, 'Citoyens'), '5');
    submit(element);
    await settle(fixture);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('« Visite officielle » (visite) le 14/03/2026, 12 participants.');
    submit(element);
    await settle(fixture);
    expect(calls.map((c) => c.version)).toEqual([2, 3]);
    expect(calls[1].request.attendance?.citizen).toBe(5);
    expect(close).toHaveBeenCalledWith(saved);
  });
});
