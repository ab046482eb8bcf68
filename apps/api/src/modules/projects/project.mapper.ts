import { isoDate, isoInstant } from '../../common/json-text';

// The contract's Project as a select list, each column named as its field, for row_to_json (see
// jsonArray): `p` is the project, `l` its lab, `u` its lead (see PROJECT_FROM). Days in
// stage are whole days since it entered the stage, at the statement's time; a start date is a
// calendar date, which no time zone may shift.
export const PROJECT_FIELDS = `p.id AS "id", p.lab_id AS "labId", l.code AS "labCode", p.code AS "code", p.name AS "name",
  p.summary AS "summary", p.themes AS "themes", p.stage AS "stage", p.status AS "status", p.status_reason AS "statusReason",
  p.health AS "health", p.health_comment AS "healthComment", p.lead_id AS "leadId", u.display_name AS "leadName",
  p.departments AS "departments", p.communes AS "communes", ${isoDate('p.start_date')} AS "startDate", p.is_public AS "isPublic",
  ${isoInstant('p.stage_entered_at')} AS "stageEnteredAt",
  GREATEST(0, floor(extract(epoch FROM (statement_timestamp() - p.stage_entered_at)) / 86400))::int AS "daysInStage",
  p.version AS "version", ${isoInstant('p.created_at')} AS "createdAt", ${isoInstant('p.updated_at')} AS "updatedAt",
  ${isoInstant('p.archived_at')} AS "archivedAt"`;

export const PROJECT_FROM = `project p JOIN lab l ON l.id = p.lab_id LEFT JOIN app_user u ON u.id = p.lead_id`;
