import { isoDate, isoInstant } from '../../common/json-text';

// The contract's Milestone as a select list, each column named as its field, for row_to_json (see
// jsonArray): `m` is the milestone, `p` its project, `u` its owner (see FROM_MILESTONE).
// `today` is the SQL of Paris's date (a parameter): "late" is derived, never stored: still planned
// and due before today.
export const milestoneFields = (today: string) => `m.id AS "id", m.project_id AS "projectId", p.code AS "projectCode",
  p.name AS "projectName", m.lab_id AS "labId", m.title AS "title", m.kind AS "kind", m.stage AS "stage",
  ${isoDate('m.due_on')} AS "dueOn", ${isoDate('m.completed_on')} AS "completedOn", m.status AS "status",
  (m.status = 'planned' AND m.due_on < ${today}) AS "late", m.owner_id AS "ownerId", u.display_name AS "ownerName",
  m.participant_count AS "participantCount", m.evidence_url AS "evidenceUrl", m.version AS "version",
  ${isoInstant('m.created_at')} AS "createdAt", ${isoInstant('m.updated_at')} AS "updatedAt"`;

export const FROM_MILESTONE = `FROM milestone m JOIN project p ON p.id = m.project_id LEFT JOIN app_user u ON u.id = m.owner_id`;
