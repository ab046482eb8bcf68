import { isoDate, isoInstant } from '../../common/json-text';

// The contract's Project, built by PostgreSQL as one JSON value per row: `p` is the project, `l`
// its lab, `u` its lead (see PROJECT_FROM). Days in stage are whole days since it entered the stage,
// at the statement's time; a start date is a calendar date, which no time zone may shift.
export const PROJECT_JSON = `json_build_object(
  'id', p.id, 'labId', p.lab_id, 'labCode', l.code, 'code', p.code, 'name', p.name, 'summary', p.summary,
  'themes', p.themes, 'stage', p.stage, 'status', p.status, 'statusReason', p.status_reason,
  'health', p.health, 'healthComment', p.health_comment, 'leadId', p.lead_id, 'leadName', u.display_name,
  'departments', p.departments, 'communes', p.communes, 'startDate', ${isoDate('p.start_date')}, 'isPublic', p.is_public,
  'stageEnteredAt', ${isoInstant('p.stage_entered_at')},
  'daysInStage', GREATEST(0, floor(extract(epoch FROM (statement_timestamp() - p.stage_entered_at)) / 86400))::int,
  'version', p.version, 'createdAt', ${isoInstant('p.created_at')}, 'updatedAt', ${isoInstant('p.updated_at')},
  'archivedAt', ${isoInstant('p.archived_at')})`;

export const PROJECT_FROM = `project p JOIN lab l ON l.id = p.lab_id LEFT JOIN app_user u ON u.id = p.lead_id`;
