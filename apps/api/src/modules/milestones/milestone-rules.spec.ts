import { MilestoneState, resolveMilestoneState } from './milestone-rules';

const today = '2026-11-27';
const planned: MilestoneState = { kind: 'workshop', status: 'planned', completedOn: null, participantCount: null };

describe('resolveMilestoneState', () => {
  it('completes today when marked done without a date', () => {
    const { state, errors } = resolveMilestoneState(planned, { status: 'done', participantCount: 14 }, today);
    expect(errors).toEqual([]);
    expect(state).toEqual({ kind: 'workshop', status: 'done', completedOn: today, participantCount: 14 });
  });

  it('keeps a given completion date in the past', () => {
    expect(resolveMilestoneState(planned, { status: 'done', completedOn: '2026-11-02' }, today).state.completedOn).toBe('2026-11-02');
  });

  it('clears the completion date when a done milestone is cancelled or reopened', () => {
    const done = { ...planned, status: 'done' as const, completedOn: '2026-11-02' };
    expect(resolveMilestoneState(done, { status: 'cancelled' }, today).state.completedOn).toBeNull();
    expect(resolveMilestoneState(done, { status: 'planned' }, today).state.completedOn).toBeNull();
  });

  it('refuses a completion date on a milestone that is not done', () => {
    expect(resolveMilestoneState(null, { kind: 'decision', completedOn: '2026-11-02' }, today).errors.map((e) => e.field)).toEqual(['completedOn']);
  });

  it('refuses a completion date in the future', () => {
    expect(resolveMilestoneState(planned, { status: 'done', completedOn: '2026-11-28' }, today).errors.map((e) => e.code)).toEqual(['notInFuture']);
  });

  it('refuses participants on a kind that has none, including after a change of kind', () => {
    expect(resolveMilestoneState(null, { kind: 'decision', participantCount: 3 }, today).errors.map((e) => e.field)).toEqual(['participantCount']);
    expect(resolveMilestoneState({ ...planned, participantCount: 12 }, { kind: 'deliverable' }, today).errors.map((e) => e.field)).toEqual([
      'participantCount',
    ]);
    expect(resolveMilestoneState({ ...planned, participantCount: 12 }, { kind: 'deliverable', participantCount: null }, today).errors).toEqual([]);
  });
});
