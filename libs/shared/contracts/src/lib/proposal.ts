import { Page } from './page';
import { Project, StageTransition } from './project';
import { Stage } from './stage';

// A stage change a project lead may not decide alone (forward with unmet criteria, over a stage, or
// back) becomes a proposal that the lab manager accepts (the move is then recorded) or refuses.
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'refused'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_STATUS_LABELS_FR: Readonly<Record<ProposalStatus, string>> = {
  pending: 'En attente',
  accepted: 'Acceptée',
  refused: 'Refusée',
};

export const DECISION_NOTE_MAX = 2000;

export interface ProjectProposal {
  id: string;
  labId: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  fromStage: Stage;
  toStage: Stage;
  rationale: string;
  // Ids of the criteria of fromStage the lead checked.
  criteriaMet: string[];
  // Why the project should pass although criteria are unmet or a stage is skipped.
  unmetReason: string | null;
  proposedById: string;
  proposedByName: string | null;
  proposedAt: string;
  status: ProposalStatus;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  // The transition an acceptance recorded.
  transitionId: string | null;
  // When the lead acknowledged the decision (null: not yet, or still pending).
  outcomeSeenAt: string | null;
  version: number;
}

// POST /api/v1/projects/:id/proposals (the project's lead).
export interface CreateProposalRequest {
  to: Stage;
  rationale: string;
  criteriaMet?: string[];
  // Required for a forward move with unmet criteria or over a stage.
  unmetReason?: string;
  // When given, a stale project version is answered 409.
  version?: number;
}

export const PROPOSAL_DECISIONS = ['accepted', 'refused'] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

// POST /api/v1/proposals/:id/decision (the lab manager).
export interface DecideProposalRequest {
  decision: ProposalDecision;
  // Required to refuse: what the lead should know.
  note?: string;
  // The proposal's version the decision is based on; a stale one is answered 409.
  version: number;
}

export interface ProposalDecisionResult {
  proposal: ProjectProposal;
  // An acceptance: the project as moved and the transition recorded.
  project: Project | null;
  transition: StageTransition | null;
}

// GET /api/v1/proposals. A lab manager reads their lab's, a regional director their region's, a
// project lead the ones they made.
export interface ProposalListQuery {
  status?: ProposalStatus;
  project?: string;
  // Decided and not yet acknowledged by the lead who proposed.
  unseen?: boolean;
  page?: number;
  pageSize?: number;
}

export type ProposalPage = Page<ProjectProposal>;
