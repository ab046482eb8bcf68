import { Me, Project, Stage, STAGES } from '@sillon/contracts';

export type Viewer = Pick<Me, 'id' | 'role' | 'labId'>;

// The stages a person may move a project to from the board, as the API's gate rules allow:
// the lab manager anywhere (forward with the checklist, back with a reason), the project's lead one stage
// forward, nobody else (a regional director reads only). Only active projects change stage.
export function moveTargets(project: Project, viewer: Viewer | null): Stage[] {
  if (!viewer || project.status !== 'active' || project.archivedAt) return [];
  if (viewer.role === 'lab_manager' && viewer.labId === project.labId) return STAGES.filter((s) => s !== project.stage);
  if (viewer.role === 'project_lead' && viewer.labId === project.labId && project.leadId === viewer.id) {
    const next = STAGES[STAGES.indexOf(project.stage) + 1];
    return next ? [next] : [];
  }
  return [];
}

export function isForward(from: Stage, to: Stage): boolean {
  return STAGES.indexOf(to) > STAGES.indexOf(from);
}

export function isSkip(from: Stage, to: Stage): boolean {
  return STAGES.indexOf(to) - STAGES.indexOf(from) > 1;
}
