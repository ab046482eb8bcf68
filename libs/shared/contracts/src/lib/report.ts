import { ActivityActorType, ActivityKind } from './activity';
import { MilestoneKind, MilestoneStatus } from './milestone';
import { OrganisationType } from './organisation';
import { Theme } from './project';
import { Health, ProjectStatus } from './project-status';
import { Stage } from './stage';

// GET /api/v1/reports/portfolio (JSON) and /portfolio.csv | .xlsx | .pdf take the same query.
// Multi-valued filters repeat (?lab=…&lab=…) or are comma-separated. Dates are YYYY-MM-DD (Europe/Paris).
export interface PortfolioReportQuery {
  // Period, both days included. Defaults: 1 January of the year of `to`, and today.
  from?: string;
  to?: string;
  // The portfolio as it stood at the end of that day, rebuilt from the stage history. Default: today.
  asOf?: string;
  lab?: string[];
  // One region: its labs only (a region outside the caller's reach is a 404, like a lab).
  region?: string;
  stage?: Stage[];
  status?: ProjectStatus[];
  theme?: Theme[];
  department?: string[];
}

// Tables of a report, in the order of the exports.
export const REPORT_TABLES = [
  'byStage',
  'byStatus',
  'byTheme',
  'byDepartment',
  'funnel',
  'timeInStage',
  'milestoneOutcomes',
  'participants',
  'activitiesByKind',
  'activitiesByActor',
  'funding',
  'projects',
  'milestones',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export const REPORT_TABLE_LABELS_FR: Readonly<Record<ReportTable, string>> = {
  byStage: 'Projets par étape',
  byStatus: 'Projets par statut',
  byTheme: 'Projets par thème',
  byDepartment: 'Projets par département',
  funnel: 'Entrées et sorties par étape',
  timeInStage: 'Durée par étape',
  milestoneOutcomes: 'Jalons',
  participants: 'Participants',
  activitiesByKind: 'Activités du lab par type',
  activitiesByActor: 'Participants aux activités',
  funding: 'Financements',
  projects: 'Projets',
  milestones: 'Détail des jalons',
};

// CSV: `;` by default (French Excel), `,` with ?separator=comma.
export const CSV_SEPARATORS = ['semicolon', 'comma'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

// GET /api/v1/reports/portfolio.csv: one table (?table=projects) or, without it, a zip of every table.
export interface PortfolioCsvQuery extends PortfolioReportQuery {
  table?: ReportTable;
  separator?: CsvSeparator;
}

export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

export interface ReportScope {
  from: string;
  to: string;
  asOf: string;
  // Labs the report covers: the ones asked for, or every lab within the caller's reach.
  labs: { id: string; code: string; name: string }[];
  stages: Stage[];
  statuses: ProjectStatus[];
  themes: Theme[];
  departments: string[];
}

export interface ReportKeyFigures {
  // Projects of the scope as of `asOf`.
  projects: number;
  activeProjects: number;
  // Projects created during the period.
  newProjects: number;
  milestonesDone: number;
  milestonesOverdue: number;
  participants: number;
  fundingGrantedCents: number;
}

export interface ReportStageCount {
  stage: Stage;
  count: number;
}

export interface ReportStatusCount {
  status: ProjectStatus;
  count: number;
}

// A project counts once for each of its themes / départements; `null` groups projects without any.
export interface ReportThemeCount {
  theme: Theme | null;
  count: number;
}

export interface ReportDepartmentCount {
  department: string | null;
  count: number;
}

// Stage changes decided during the period: a project created during the period enters its first
// stage; a project sent back from prototyping to ideation leaves prototyping and enters ideation.
export interface ReportFunnelRow {
  stage: Stage;
  entered: number;
  left: number;
}

// Days spent in a stage: stays that ended during the period, plus stays of active projects still
// open on `asOf` (counted up to `asOf`). Null when there is no stay.
export interface ReportTimeInStageRow {
  stage: Stage;
  stays: number;
  medianDays: number | null;
  p90Days: number | null;
}

// Milestones done during the period on time (completed on or before the due date) or late,
// and milestones due during the period still open on `asOf` although due before it.
export interface ReportMilestoneOutcomes {
  doneOnTime: number;
  doneLate: number;
  overdue: number;
}

// Workshops, events and trainings done during the period.
export interface ReportParticipantsRow {
  kind: MilestoneKind;
  milestones: number;
  participants: number;
}

// Funding lines of the scope's projects as they stand, by funder type (null: no funder recorded).
// Requested counts every line; granted the granted and received ones; received the received ones.
export interface ReportFundingRow {
  funderType: OrganisationType | null;
  lines: number;
  requestedCents: number;
  grantedCents: number;
  receivedCents: number;
}

// Lab activities (events, workshops, trainings, visits) that started during the period, in the labs of
// the report: they belong to a lab, not to a project, so the project filters (stage, status, theme,
// département) do not apply to them.
export interface ReportActivityKindRow {
  kind: ActivityKind;
  activities: number;
  participants: number;
}

export interface ReportActivityActorRow {
  actorType: ActivityActorType;
  participants: number;
}

export interface ReportActivities {
  byKind: ReportActivityKindRow[];
  byActorType: ReportActivityActorRow[];
  totals: { activities: number; participants: number };
}

export interface ReportProject {
  id: string;
  code: string;
  name: string;
  labCode: string;
  labName: string;
  // As of `asOf`.
  stage: Stage;
  status: ProjectStatus;
  health: Health;
  leadName: string | null;
  themes: Theme[];
  departments: string[];
  startDate: string | null;
}

// One row of the milestones table of the exports (not part of the JSON report: it can be long).
export interface ReportMilestone {
  projectCode: string;
  projectName: string;
  title: string;
  kind: MilestoneKind;
  stage: Stage;
  dueOn: string;
  completedOn: string | null;
  status: MilestoneStatus;
  participantCount: number | null;
}

export interface PortfolioReport {
  generatedAt: string;
  scope: ReportScope;
  keyFigures: ReportKeyFigures;
  byStage: ReportStageCount[];
  byStatus: ReportStatusCount[];
  byTheme: ReportThemeCount[];
  byDepartment: ReportDepartmentCount[];
  funnel: ReportFunnelRow[];
  timeInStage: ReportTimeInStageRow[];
  milestoneOutcomes: ReportMilestoneOutcomes;
  participants: ReportParticipantsRow[];
  activities: ReportActivities;
  funding: ReportFundingRow[];
  projects: ReportProject[];
  // Rows of the milestones table of the exports: milestones due or completed during the period.
  milestoneRows: number;
}
