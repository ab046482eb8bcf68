import { moveTargets, needsProposal } from './move-rules';
import { aProject } from './testing-projects';

describe('moveTargets', () => {
  const project = aProject({ stage: 'ideation', labId: 'lab-lille', leadId: 'lead-1' });

  it('lets the lab manager move a project of their lab to any other stage', () => {
    expect(moveTargets(project, { id: 'm', role: 'lab_manager', labId: 'lab-lille' })).toEqual(['co_design', 'prototyping', 'incubation', 'scale_up']);
  });

  it('lets the lead of the project move it to any other stage, all but one stage forward as a proposal', () => {
    expect(moveTargets(project, { id: 'lead-1', role: 'project_lead', labId: 'lab-lille' })).toEqual(['co_design', 'prototyping', 'incubation', 'scale_up']);
    expect(needsProposal('ideation', 'prototyping')).toBe(false);
    expect(needsProposal('ideation', 'incubation')).toBe(true);
    expect(needsProposal('ideation', 'co_design')).toBe(true);
  });

  it('offers nothing to another lead, a director, another lab, or for a project that is not active', () => {
    expect(moveTargets(project, { id: 'lead-2', role: 'project_lead', labId: 'lab-lille' })).toEqual([]);
    expect(moveTargets(project, { id: 'd', role: 'regional_director', labId: null })).toEqual([]);
    expect(moveTargets(project, { id: 'm', role: 'lab_manager', labId: 'lab-amiens' })).toEqual([]);
    expect(moveTargets(aProject({ status: 'on_hold' }), { id: 'm', role: 'lab_manager', labId: 'lab-lille' })).toEqual([]);
    expect(moveTargets(project, null)).toEqual([]);
  });
});

describe('moveTargets identity', () => {
  it('gives the same array for the same stage and viewer, so a card is not refreshed for nothing', () => {
    const manager = { id: 'm', role: 'lab_manager' as const, labId: 'lab-lille' };
    expect(moveTargets(aProject({ stage: 'ideation', labId: 'lab-lille' }), manager)).toBe(moveTargets(aProject({ stage: 'ideation', labId: 'lab-lille' }), manager));
    expect(moveTargets(aProject({ status: 'on_hold' }), manager)).toBe(moveTargets(aProject({ status: 'on_hold' }), null));
  });
});
