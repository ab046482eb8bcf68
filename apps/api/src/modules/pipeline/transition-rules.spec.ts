import { ForbiddenException } from '@nestjs/common';
import { ProblemException } from '../../common/problem-details.filter';
import { RequestValidationException } from '../../common/validation-errors';
import { decideTransition, needsLabManager, TransitionCase } from './transition-rules';

const base: TransitionCase = {
  isLabManager: false,
  isProjectLead: true,
  fromStage: 'ideation',
  fromStatus: 'active',
  criteriaIds: ['c1', 'c2'],
  criteriaMet: [],
};

describe('decideTransition', () => {
  it('lets the lead move their project forward one stage when every criterion is met', () => {
    expect(decideTransition({ ...base, to: 'prototyping', criteriaMet: ['c1', 'c2'] })).toEqual({
      toStage: 'prototyping',
      toStatus: 'active',
      stageChanged: true,
      statusChanged: false,
      unmet: [],
    });
  });

  it('refuses the lead a gate with unmet criteria, a skipped stage or a move back', () => {
    expect(() => decideTransition({ ...base, to: 'prototyping', criteriaMet: ['c1'] })).toThrow(ForbiddenException);
    expect(() => decideTransition({ ...base, to: 'incubation', criteriaMet: ['c1', 'c2'] })).toThrow(ForbiddenException);
    expect(() => decideTransition({ ...base, to: 'co_design' })).toThrow(ForbiddenException);
  });

  it('lets the lab manager pass unmet criteria or skip a stage only with a reason', () => {
    const manager = { ...base, isLabManager: true, isProjectLead: false };
    expect(() => decideTransition({ ...manager, to: 'incubation', criteriaMet: ['c1', 'c2'] })).toThrow(RequestValidationException);
    expect(decideTransition({ ...manager, to: 'prototyping', criteriaMet: ['c2'], unmetReason: 'Financement acquis' }).unmet).toEqual(['c1']);
    expect(decideTransition({ ...manager, to: 'scale_up', unmetReason: 'Reprise par la métropole' }).toStage).toBe('scale_up');
  });

  it('lets only the lab manager move back or change the status', () => {
    const manager = { ...base, isLabManager: true };
    expect(decideTransition({ ...manager, to: 'co_design' }).toStage).toBe('co_design');
    expect(decideTransition({ ...manager, status: 'stopped' })).toMatchObject({ toStatus: 'stopped', stageChanged: false });
    expect(() => decideTransition({ ...base, status: 'on_hold' })).toThrow(ForbiddenException);
  });

  it('moves only active projects between stages', () => {
    expect(() => decideTransition({ ...base, isLabManager: true, fromStatus: 'on_hold', to: 'co_design' })).toThrow(ProblemException);
    expect(decideTransition({ ...base, isLabManager: true, fromStatus: 'on_hold', status: 'active' }).toStatus).toBe('active');
  });

  it('refuses criteria of another stage and a request that changes nothing', () => {
    expect(() => decideTransition({ ...base, to: 'prototyping', criteriaMet: ['c1', 'other'] })).toThrow(RequestValidationException);
    expect(() => decideTransition({ ...base, to: 'ideation' })).toThrow(RequestValidationException);
    expect(() => decideTransition({ ...base })).toThrow(RequestValidationException);
  });
});

describe('needsLabManager', () => {
  it('is true for a move back, over a stage, or with unmet criteria, and false for one stage forward with all met', () => {
    expect(needsLabManager('ideation', 'co_design', [])).toBe(true);
    expect(needsLabManager('ideation', 'incubation', [])).toBe(true);
    expect(needsLabManager('ideation', 'prototyping', ['c1'])).toBe(true);
    expect(needsLabManager('ideation', 'prototyping', [])).toBe(false);
  });
});
