import { Project, PROJECT_LIST_OMITTED } from '@sillon/contracts';
import { isoDate, isoInstant } from '../../common/json-text';
import { ColumnsOf, selectList } from '../../database/select-list';

// The contract's Project, field by field, as SQL for row_to_json (see jsonArray): `p` is the project, `l`
// its lab, `u` its lead (see PROJECT_FROM). Days in stage are whole days since it entered the stage, at
// the statement's time; a start date is a calendar date, which no time zone may shift.
const PROJECT_COLUMNS: ColumnsOf<Project> = {
  id: 'p.id',
  labId: 'p.lab_id',
  labCode: 'l.code',
  code: 'p.code',
  name: 'p.name',
  summary: 'p.summary',
  themes: 'p.themes',
  stage: 'p.stage',
  status: 'p.status',
  statusReason: 'p.status_reason',
  health: 'p.health',
  healthComment: 'p.health_comment',
  leadId: 'p.lead_id',
  leadName: 'u.display_name',
  departments: 'p.departments',
  communes: 'p.communes',
  startDate: isoDate('p.start_date'),
  isPublic: 'p.is_public',
  stageEnteredAt: isoInstant('p.stage_entered_at'),
  daysInStage: 'GREATEST(0, floor(extract(epoch FROM (statement_timestamp() - p.stage_entered_at)) / 86400))::int',
  version: 'p.version',
  createdAt: isoInstant('p.created_at'),
  updatedAt: isoInstant('p.updated_at'),
  archivedAt: isoInstant('p.archived_at'),
};

const ALL_FIELDS = Object.keys(PROJECT_COLUMNS) as (keyof Project)[];
const OMITTED: readonly string[] = PROJECT_LIST_OMITTED;

// The whole Project, and a ProjectListItem (the lists' lighter shape), as select lists.
export const PROJECT_FIELDS = selectList(PROJECT_COLUMNS);
export const PROJECT_LIST_FIELDS = selectList(PROJECT_COLUMNS, ALL_FIELDS.filter((field) => !OMITTED.includes(field)));

export const PROJECT_FROM = `project p JOIN lab l ON l.id = p.lab_id LEFT JOIN app_user u ON u.id = p.lead_id`;

// A project as the list's exports write it: calendar dates as YYYY-MM-DD, instants as their day in Paris.
export interface ProjectExportRow {
  code: string;
  name: string;
  labName: string;
  stage: Project['stage'];
  status: Project['status'];
  health: Project['health'];
  leadName: string | null;
  themes: string[];
  departments: string[];
  startDate: string | null;
  stageEnteredOn: string;
  daysInStage: number;
  updatedOn: string;
  archivedOn: string | null;
}

const parisDay = (column: string) => `to_char(${column} AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD')`;

// A row of the Projets export: typed against ProjectExportRow, like the contracts' select lists.
const PROJECT_EXPORT_COLUMNS: ColumnsOf<ProjectExportRow> = {
  code: 'p.code',
  name: 'p.name',
  labName: 'l.name',
  stage: 'p.stage',
  status: 'p.status',
  health: 'p.health',
  leadName: 'u.display_name',
  themes: 'p.themes',
  departments: 'p.departments',
  startDate: isoDate('p.start_date'),
  stageEnteredOn: parisDay('p.stage_entered_at'),
  daysInStage: PROJECT_COLUMNS.daysInStage,
  updatedOn: parisDay('p.updated_at'),
  archivedOn: parisDay('p.archived_at'),
};

export const PROJECT_EXPORT_FIELDS = selectList(PROJECT_EXPORT_COLUMNS);
