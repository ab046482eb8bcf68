import { FieldError, MILESTONE_KINDS_WITH_PARTICIPANTS, MilestoneKind, MilestoneStatus } from '@sillon/contracts';

export interface MilestoneState {
  kind: MilestoneKind;
  status: MilestoneStatus;
  completedOn: string | null;
  participantCount: number | null;
}

// Applies a change of status the way a person means it, then checks the combination:
// - done without a date is done today; leaving done clears the date;
// - only a done milestone has a completion date, and it is not in the future;
// - only workshops, events and trainings report participants.
export function resolveMilestoneState(
  current: MilestoneState | null,
  changes: Partial<MilestoneState>,
  today: string,
): { state: MilestoneState; errors: FieldError[] } {
  const kind = changes.kind ?? current?.kind ?? 'deliverable';
  const status = changes.status ?? current?.status ?? 'planned';
  let completedOn = changes.completedOn !== undefined ? changes.completedOn : (current?.completedOn ?? null);
  const statusChanged = current !== null && changes.status !== undefined && changes.status !== current.status;
  if (status !== 'done' && statusChanged && changes.completedOn === undefined) completedOn = null;
  if (status === 'done' && completedOn === null) completedOn = today;
  const participantCount = changes.participantCount !== undefined ? changes.participantCount : (current?.participantCount ?? null);

  const errors: FieldError[] = [];
  if (status !== 'done' && completedOn !== null) {
    errors.push({ field: 'completedOn', code: 'completedOnlyWhenDone', message: 'Seul un jalon réalisé a une date de réalisation.' });
  }
  if (completedOn !== null && completedOn > today) {
    errors.push({ field: 'completedOn', code: 'notInFuture', message: 'La date de réalisation ne peut pas être dans le futur.' });
  }
  if (participantCount !== null && !MILESTONE_KINDS_WITH_PARTICIPANTS.includes(kind)) {
    errors.push({
      field: 'participantCount',
      code: 'participantsNotApplicable',
      message: 'Le nombre de participants ne concerne que les ateliers, événements et formations.',
    });
  }
  return { state: { kind, status, completedOn, participantCount }, errors };
}
