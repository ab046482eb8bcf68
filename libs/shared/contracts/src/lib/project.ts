import { Page } from './page';
import { Health, ProjectStatus } from './project-status';
import { Stage } from './stage';

export const THEMES = [
  'inclusion_numerique',
  'emploi',
  'alimentation_durable',
  'mobilite',
  'transition_ecologique',
  'sante',
  'logement',
  'jeunesse',
  'acces_aux_droits',
  'participation_citoyenne',
] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS_FR: Readonly<Record<Theme, string>> = {
  inclusion_numerique: 'Inclusion numérique',
  emploi: 'Emploi et insertion',
  alimentation_durable: 'Alimentation durable',
  mobilite: 'Mobilité',
  transition_ecologique: 'Transition écologique',
  sante: 'Santé',
  logement: 'Logement',
  jeunesse: 'Jeunesse',
  acces_aux_droits: 'Accès aux droits',
  participation_citoyenne: 'Participation citoyenne',
};

// Human project code: lab code, year of creation, per-lab-per-year counter (LIL-2026-014).
export const PROJECT_CODE_PATTERN = /^[A-Z]{3}-\d{4}-\d{3,}$/;

export const PROJECT_NAME_MAX = 200;
export const PROJECT_SUMMARY_MAX = 4000;
export const PROJECT_STATUS_REASON_MAX = 2000;
export const HEALTH_COMMENT_MAX = 1000;
export const RATIONALE_MAX = 4000;
export const UNMET_REASON_MAX = 2000;
export const GATE_CRITERION_LABEL_MAX = 300;
export const GATE_CRITERIA_PER_STAGE_MAX = 30;

export const PROJECT_SORTS = ['name', 'code', 'updatedAt', 'stageEnteredAt', 'startDate'] as const;
export type ProjectSortField = (typeof PROJECT_SORTS)[number];
// A leading '-' sorts descending; default '-updatedAt'.
export type ProjectSort = ProjectSortField | `-${ProjectSortField}`;

export interface Project {
  id: string;
  labId: string;
  labCode: string;
  code: string;
  name: string;
  summary: string;
  themes: Theme[];
  stage: Stage;
  status: ProjectStatus;
  // Why it stopped (the lesson learned), paused or scaled.
  statusReason: string | null;
  health: Health;
  healthComment: string | null;
  leadId: string | null;
  leadName: string | null;
  departments: string[];
  communes: string[];
  // YYYY-MM-DD
  startDate: string | null;
  isPublic: boolean;
  // ISO instants
  stageEnteredAt: string;
  // Whole days since stageEnteredAt.
  daysInStage: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

// Query of GET /api/v1/projects. Multi-valued filters repeat (?stage=ideation&stage=prototyping).
export interface ProjectListQuery {
  lab?: string[];
  // One region: the projects of its labs.
  region?: string;
  stage?: Stage[];
  status?: ProjectStatus[];
  health?: Health[];
  theme?: Theme[];
  department?: string[];
  lead?: string[];
  q?: string;
  sort?: ProjectSort;
  page?: number;
  pageSize?: number;
  // Lab managers only: true includes archived projects, 'only' lists the archived ones alone.
  archived?: ProjectArchivedFilter;
}

export const PROJECT_ARCHIVED_FILTERS = [true, false, 'only'] as const;
export type ProjectArchivedFilter = (typeof PROJECT_ARCHIVED_FILTERS)[number];

// POST /api/v1/projects/:id/restore brings an archived project back; a stale version is answered 409.
export interface RestoreProjectRequest {
  version: number;
}

// What lists leave out of a project: its long texts (up to 4,000 characters of summary) and the facts
// no list, board card or filter shows; GET /api/v1/projects/:id has them.
export const PROJECT_LIST_OMITTED = ['summary', 'statusReason', 'healthComment', 'communes', 'isPublic', 'createdAt'] as const;

// A project as GET /api/v1/projects lists it.
export type ProjectListItem = Omit<Project, (typeof PROJECT_LIST_OMITTED)[number]>;

export type ProjectPage = Page<ProjectListItem>;

export interface CreateProjectRequest {
  name: string;
  summary?: string;
  themes?: Theme[];
  // Defaults to co_design; only a lab manager may create a project at a later stage.
  stage?: Stage;
  health?: Health;
  healthComment?: string | null;
  // Lab managers assign any active lead of their lab; a project lead always leads what they create.
  leadId?: string | null;
  departments?: string[];
  communes?: string[];
  startDate?: string | null;
  isPublic?: boolean;
}

// Stage and status change only through transitions; lead only by a lab manager.
export interface UpdateProjectRequest {
  version: number;
  name?: string;
  summary?: string;
  themes?: Theme[];
  health?: Health;
  healthComment?: string | null;
  leadId?: string | null;
  departments?: string[];
  communes?: string[];
  startDate?: string | null;
  isPublic?: boolean;
}

export interface StageTransition {
  id: string;
  projectId: string;
  fromStage: Stage | null;
  toStage: Stage;
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus;
  rationale: string;
  criteriaMet: string[];
  // Criteria of the stage left that were not met, with their wording at the time.
  criteriaUnmet: { id: string; label: string }[];
  unmetReason: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string;
}

// POST /api/v1/projects/:id/transitions. Give `to` (a stage), `status`, or both.
// A status change to stopped, on_hold or scaled needs a rationale (for stopped: the lesson learned).
export interface CreateTransitionRequest {
  to?: Stage;
  status?: ProjectStatus;
  rationale: string;
  // Ids of the current stage's gate criteria that are met.
  criteriaMet?: string[];
  // Lab managers only: why the gate is passed with unmet criteria or a skipped stage.
  unmetReason?: string;
  // When given, a stale version is answered 409.
  version?: number;
}

export interface TransitionResult {
  project: Project;
  transition: StageTransition;
}

// Criteria of a stage are the checklist to LEAVE that stage forward.
export interface GateCriterion {
  id: string;
  labId: string;
  stage: Stage;
  label: string;
  position: number;
}

// PUT /api/v1/labs/:labId/gate-criteria/:stage replaces the active list of that stage.
// Items with an id keep it (label/position may change); items without one are new.
export interface ReplaceGateCriteriaRequest {
  criteria: { id?: string; label: string }[];
}

export interface PipelineSummaryQuery {
  lab?: string;
  region?: string;
}

export interface PipelineSummaryCell {
  stage: Stage;
  status: ProjectStatus;
  count: number;
}

export interface PipelineSummary {
  labId: string | null;
  regionId: string | null;
  total: number;
  cells: PipelineSummaryCell[];
  byStage: Record<Stage, number>;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  labId: string | null;
  before: unknown;
  after: unknown;
}

// GET /api/v1/audit: a lab manager's trail of their lab, newest first.
export interface AuditQuery {
  // Kind of record (entity_type), e.g. project, contact.
  entity?: string;
  entityId?: string;
  lab?: string;
  // Who did it (user id).
  actor?: string;
  action?: string;
  // YYYY-MM-DD, days in Europe/Paris, both included.
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export type AuditPage = Page<AuditEvent>;

// INSEE département codes (metropolitan, Corsica, overseas) and commune codes.
export const DEPARTMENT_CODE_PATTERN = /^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/;
export const COMMUNE_CODE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;
