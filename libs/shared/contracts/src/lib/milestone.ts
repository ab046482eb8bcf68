import { Stage } from './stage';

export const MILESTONE_KINDS = ['workshop', 'user_test', 'decision', 'deliverable', 'funding', 'event', 'training'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MILESTONE_KIND_LABELS_FR: Readonly<Record<MilestoneKind, string>> = {
  workshop: 'Atelier',
  user_test: 'Test utilisateurs',
  decision: 'Décision',
  deliverable: 'Livrable',
  funding: 'Financement',
  event: 'Événement',
  training: 'Formation',
};

// Labs report attendance for these kinds only; the others carry no participant count.
export const MILESTONE_KINDS_WITH_PARTICIPANTS: readonly MilestoneKind[] = ['workshop', 'event', 'training'];

export const MILESTONE_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const MILESTONE_STATUS_LABELS_FR: Readonly<Record<MilestoneStatus, string>> = {
  planned: 'Prévu',
  done: 'Réalisé',
  cancelled: 'Annulé',
};

// Header that makes a POST of a milestone safe to retry.
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export interface Milestone {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  labId: string;
  title: string;
  kind: MilestoneKind;
  stage: Stage;
  // Dates are YYYY-MM-DD.
  dueOn: string;
  completedOn: string | null;
  status: MilestoneStatus;
  // Derived: still planned and due before today (Europe/Paris).
  late: boolean;
  ownerId: string | null;
  ownerName: string | null;
  participantCount: number | null;
  evidenceUrl: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateMilestoneRequest {
  title: string;
  kind: MilestoneKind;
  // Defaults to the project's current stage.
  stage?: Stage;
  dueOn: string;
  // Defaults to planned; done takes completedOn (default today).
  status?: MilestoneStatus;
  completedOn?: string;
  ownerId?: string;
  participantCount?: number;
  evidenceUrl?: string;
}

// Complete with {status: 'done'}, cancel with {status: 'cancelled'}; version is the one the edit is based on.
export interface UpdateMilestoneRequest {
  version: number;
  title?: string;
  kind?: MilestoneKind;
  stage?: Stage;
  dueOn?: string;
  status?: MilestoneStatus;
  completedOn?: string | null;
  ownerId?: string | null;
  participantCount?: number | null;
  evidenceUrl?: string | null;
}

// GET /api/v1/milestones: the lab-wide list, overdue first; done ones (status=done) most recently done first.
export interface MilestoneListQuery {
  lab?: string;
  project?: string;
  owner?: string;
  stage?: Stage;
  status?: MilestoneStatus;
  overdue?: boolean;
  // Inclusive YYYY-MM-DD bounds of the due date, and of the completion date.
  dueFrom?: string;
  dueTo?: string;
  completedFrom?: string;
  completedTo?: string;
  page?: number;
  pageSize?: number;
}

// GET /api/v1/milestone-owners: the people who may own a milestone in the caller's labs (active
// project leads and lab managers), by name.
export interface MilestoneOwner {
  id: string;
  displayName: string;
  labId: string;
}

export interface MilestoneOwnerQuery {
  lab?: string;
}
