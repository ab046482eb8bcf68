import { ForbiddenException } from '@nestjs/common';
import { ProjectStatus, Stage, STAGES } from '@sillon/contracts';
import { ProblemException } from '../../common/problem-details.filter';
import { RequestValidationException } from '../../common/validation-errors';

export interface TransitionCase {
  // The caller manages the project's lab / leads the project (write access itself is checked before).
  isLabManager: boolean;
  isProjectLead: boolean;
  fromStage: Stage;
  fromStatus: ProjectStatus;
  to?: Stage;
  status?: ProjectStatus;
  // Active gate criteria of the current stage (the checklist to leave it).
  criteriaIds: string[];
  criteriaMet: string[];
  unmetReason?: string;
}

export interface TransitionDecision {
  toStage: Stage;
  toStatus: ProjectStatus;
  stageChanged: boolean;
  statusChanged: boolean;
  // Criteria of the current stage left unmet by a forward move.
  unmet: string[];
}

const MANAGER_ONLY = 'Seul·e la ou le responsable du lab peut';
// A lead's way round: the proposals of POST /api/v1/projects/:id/proposals.
const PROPOSE = ' Proposez ce passage : la ou le responsable du lab l’acceptera ou le refusera.';

// The rules of a gate (DESIGN.md "The pipeline"):
// - only active projects change stage;
// - forward one stage with every criterion met: the lab manager, or the lead of the project;
// - forward with unmet criteria or skipping stages: the lab manager only, with an unmetReason;
// - back any number of stages, and every status change (stopped, on_hold, active, scaled): the lab manager only.
export function decideTransition(c: TransitionCase): TransitionDecision {
  const unknown = c.criteriaMet.filter((id) => !c.criteriaIds.includes(id));
  if (unknown.length) {
    throw new RequestValidationException(
      unknown.map(() => ({
        field: 'criteriaMet',
        message: "Ce critère n'est pas un critère de passage de l'étape actuelle du projet.",
        code: 'unknownCriterion',
      })),
    );
  }
  const toStage = c.to ?? c.fromStage;
  const toStatus = c.status ?? c.fromStatus;
  const stageChanged = toStage !== c.fromStage;
  const statusChanged = toStatus !== c.fromStatus;
  if (!stageChanged && !statusChanged) {
    throw new RequestValidationException([
      { field: c.to ? 'to' : 'status', message: "Indiquez une étape ou un statut différent de l'actuel.", code: 'noChange' },
    ]);
  }
  let unmet: string[] = [];
  if (stageChanged) {
    if (c.fromStatus !== 'active') {
      throw new ProblemException(409, "Seuls les projets actifs changent d'étape. Réactivez d'abord le projet.", { code: 'project_not_active' });
    }
    const delta = STAGES.indexOf(toStage) - STAGES.indexOf(c.fromStage);
    if (delta < 0 && !c.isLabManager) {
      throw new ForbiddenException(`${MANAGER_ONLY} faire revenir un projet à une étape précédente.${c.isProjectLead ? PROPOSE : ''}`);
    }
    if (delta > 0) {
      unmet = c.criteriaIds.filter((id) => !c.criteriaMet.includes(id));
      const exceptional = delta > 1 || unmet.length > 0;
      if (exceptional && !c.isLabManager) {
        throw new ForbiddenException(
          `${MANAGER_ONLY} sauter une étape ou valider un passage dont des critères ne sont pas remplis.${c.isProjectLead ? PROPOSE : ''}`,
        );
      }
      if (!exceptional && !c.isLabManager && !c.isProjectLead) {
        throw new ForbiddenException(`${MANAGER_ONLY} décider ce passage.`);
      }
      if (exceptional && !c.unmetReason?.trim()) {
        throw new RequestValidationException([
          {
            field: 'unmetReason',
            message: 'Expliquez pourquoi le projet passe malgré des critères non remplis ou une étape sautée.',
            code: 'isNotEmpty',
          },
        ]);
      }
    }
  }
  if (statusChanged && !c.isLabManager) {
    throw new ForbiddenException(`${MANAGER_ONLY} arrêter, suspendre, reprendre ou essaimer un projet.`);
  }
  return { toStage, toStatus, stageChanged, statusChanged, unmet };
}

// Whether a stage change is one a project lead cannot decide alone, and may only propose: back any
// number of stages, forward over a stage, or forward with criteria of the current stage unmet.
export function needsLabManager(from: Stage, to: Stage, unmet: readonly string[]): boolean {
  const delta = STAGES.indexOf(to) - STAGES.indexOf(from);
  return delta < 0 || delta > 1 || unmet.length > 0;
}
