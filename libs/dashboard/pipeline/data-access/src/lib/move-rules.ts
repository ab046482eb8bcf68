import { Me, ProjectListItem, Stage, STAGES } from '@sillon/contracts';

export type Viewer = Pick<Me, 'id' | 'role' | 'labId'>;

// One list per stage, built once: the board hands these to its cards on every check, and an input that
// receives the same array does not refresh the card (a new array each time refreshed all of them).
const NONE: readonly Stage[] = Object.freeze([]);
const OTHER_STAGES = Object.fromEntries(STAGES.map((stage) => [stage, Object.freeze(STAGES.filter((s) => s !== stage))])) as Record<
  Stage,
  readonly Stage[]
>;

// The stages a person may move a project to from the board, as the API's gate rules allow:
// the lab manager anywhere (forward with the checklist, back with a reason); the project's lead one stage
// forward with the checklist met, and anywhere else as a proposal the lab manager decides; nobody else
// (a regional director reads only). Only active projects change stage.
// The same stage and viewer always give the same (frozen) array.
export function moveTargets(project: ProjectListItem, viewer: Viewer | null): readonly Stage[] {
  if (!viewer || project.status !== 'active' || project.archivedAt) return NONE;
  if (viewer.role === 'lab_manager' && viewer.labId === project.labId) return OTHER_STAGES[project.stage];
  if (viewer.role === 'project_lead' && viewer.labId === project.labId && project.leadId === viewer.id) {
    return OTHER_STAGES[project.stage];
  }
  return NONE;
}

export function isForward(from: Stage, to: Stage): boolean {
  return STAGES.indexOf(to) > STAGES.indexOf(from);
}

export function isSkip(from: Stage, to: Stage): boolean {
  return STAGES.indexOf(to) - STAGES.indexOf(from) > 1;
}

// A move a project lead can only propose: back, or over a stage (one stage forward needs the checklist met).
export function needsProposal(from: Stage, to: Stage): boolean {
  const delta = STAGES.indexOf(to) - STAGES.indexOf(from);
  return delta < 0 || delta > 1;
}
