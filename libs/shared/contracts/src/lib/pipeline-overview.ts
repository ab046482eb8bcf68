import { FundingTotals } from './funding';
import { MilestoneKind } from './milestone';
import { ProjectStatus } from './project-status';
import { Stage } from './stage';

// A project is stalled when it has neither changed stage nor completed a milestone for this many days.
export const STALLED_DAYS_DEFAULT = 60;
export const STALLED_DAYS_MIN = 7;
export const STALLED_DAYS_MAX = 365;
// Stalled projects listed by name in the overview (the count covers them all).
export const STALLED_LIST_MAX = 10;

// GET /api/v1/pipeline/overview: the key figures of the Tableau de bord, for one lab or one region.
export interface PipelineOverviewQuery {
  lab?: string;
  region?: string;
  stalledDays?: number;
}

export interface DepartmentCount {
  // INSEE département code.
  department: string;
  count: number;
}

export interface LeadCount {
  leadId: string;
  leadName: string;
  count: number;
}

export interface StalledProject {
  id: string;
  code: string;
  name: string;
  stage: Stage;
  leadName: string | null;
  // YYYY-MM-DD: the later of the stage entry and the last completed milestone.
  lastActivityOn: string;
  daysIdle: number;
}

export interface PipelineOverview {
  labId: string | null;
  regionId: string | null;
  // YYYY-MM-DD, Europe/Paris: the day the figures were computed for.
  asOf: string;
  stalledDays: number;
  // Non-archived projects whose status is active.
  activeProjects: number;
  activeByStage: Record<Stage, number>;
  byStatus: Record<ProjectStatus, number>;
  stalledProjects: number;
  // Longest idle first, at most STALLED_LIST_MAX.
  stalled: StalledProject[];
  // Planned milestones due before asOf.
  overdueMilestones: number;
  // Participants of the workshops, events and trainings completed since 1 January of asOf's year.
  participantsThisYear: number;
  // Sum of funding lines per status, in euro cents.
  fundingCents: FundingTotals;
  // Granted or already received, in euro cents.
  fundingGrantedCents: number;
  // Active projects per département (a project covering two counts in both), most first.
  activeByDepartment: DepartmentCount[];
  // Active projects without any département.
  activeWithoutDepartment: number;
  // Active projects per lead, by name: also the choices of the board's lead filter.
  activeByLead: LeadCount[];
}

// GET /api/v1/pipeline/next-milestones?project=…&project=…: the next planned milestone of each project.
export const NEXT_MILESTONES_PROJECTS_MAX = 200;

export interface NextMilestone {
  projectId: string;
  milestoneId: string;
  title: string;
  kind: MilestoneKind;
  // YYYY-MM-DD
  dueOn: string;
  late: boolean;
}
