import { OrganisationType } from './organisation';
import type { CsvSeparator } from './report';

// What a lab does beyond its projects: events, workshops, trainings, visits. Not a milestone (a
// milestone belongs to one project); an activity belongs to its lab and may concern several projects.
export const ACTIVITY_KINDS = ['event', 'workshop', 'training', 'visit', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS_FR: Readonly<Record<ActivityKind, string>> = {
  event: 'Événement',
  workshop: 'Atelier',
  training: 'Formation',
  visit: 'Visite',
  other: 'Autre',
};

// Who came, by kind of actor: labs report their attendance this way to their funders.
export const ACTIVITY_ACTOR_TYPES = ['state', 'local_authority', 'association', 'company', 'citizen', 'other'] as const;
export type ActivityActorType = (typeof ACTIVITY_ACTOR_TYPES)[number];

export const ACTIVITY_ACTOR_LABELS_FR: Readonly<Record<ActivityActorType, string>> = {
  state: 'État',
  local_authority: 'Collectivités',
  association: 'Associations',
  company: 'Entreprises',
  citizen: 'Citoyens',
  other: 'Autres',
};

// Participants of one actor type at one activity, at most.
export const MAX_ACTIVITY_ATTENDANCE = 1_000_000;
// Projects and facilitators linked to one activity, at most.
export const MAX_ACTIVITY_LINKS = 50;

export type ActivityAttendance = Record<ActivityActorType, number>;

export interface ActivityProjectRef {
  id: string;
  code: string;
  name: string;
}

export interface ActivityFacilitator {
  id: string;
  name: string;
  type: OrganisationType;
}

export interface LabActivity {
  id: string;
  labId: string;
  labName: string;
  title: string;
  kind: ActivityKind;
  // YYYY-MM-DD; endsOn is on or after startsOn, null for a one-day activity.
  startsOn: string;
  endsOn: string | null;
  place: string | null;
  description: string | null;
  projects: ActivityProjectRef[];
  facilitators: ActivityFacilitator[];
  attendance: ActivityAttendance;
  // The sum of the attendance, computed by the database.
  participants: number;
  createdBy: string | null;
  createdByName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateActivityRequest {
  title: string;
  kind: ActivityKind;
  startsOn: string;
  endsOn?: string | null;
  place?: string | null;
  description?: string | null;
  // Projects of the activity's lab.
  projectIds?: string[];
  // Organisations of the activity's lab.
  facilitatorIds?: string[];
  // Missing actor types count 0.
  attendance?: Partial<ActivityAttendance>;
}

// version is the one the edit is based on; lists given replace the current ones.
export interface UpdateActivityRequest {
  version: number;
  title?: string;
  kind?: ActivityKind;
  startsOn?: string;
  endsOn?: string | null;
  place?: string | null;
  description?: string | null;
  projectIds?: string[];
  facilitatorIds?: string[];
  attendance?: Partial<ActivityAttendance>;
}

// GET /api/v1/activities (and .csv | .xlsx): most recent first.
export interface ActivityListQuery {
  lab?: string;
  kind?: ActivityKind;
  // Inclusive YYYY-MM-DD bounds of the start date.
  from?: string;
  to?: string;
  project?: string;
  // Every word in the title or the place, without case or accents.
  q?: string;
  page?: number;
  pageSize?: number;
}

export const ACTIVITY_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ActivityExportFormat = (typeof ACTIVITY_EXPORT_FORMATS)[number];

export interface ActivityExportQuery extends Omit<ActivityListQuery, 'page' | 'pageSize'> {
  separator?: CsvSeparator;
}
