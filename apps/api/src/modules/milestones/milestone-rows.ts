import type { Milestone, MilestoneKind, MilestoneStatus, Stage } from '@sillon/contracts';
import { isLate } from './milestone-lateness';

export const MILESTONE_COLUMNS = `m.id, m.project_id, p.code AS project_code, p.name AS project_name, m.lab_id, m.title, m.kind, m.stage,
  m.due_on::text AS due_on, m.completed_on::text AS completed_on, m.status, m.owner_id, u.display_name AS owner_name,
  m.participant_count, m.evidence_url, m.version, m.created_at, m.updated_at`;

export const FROM_MILESTONE = `FROM milestone m JOIN project p ON p.id = m.project_id LEFT JOIN app_user u ON u.id = m.owner_id`;

type Row = Record<string, unknown>;
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

export function toMilestone(row: Row, today: string): Milestone {
  const status = row['status'] as MilestoneStatus;
  const dueOn = row['due_on'] as string;
  return {
    id: row['id'] as string,
    projectId: row['project_id'] as string,
    projectCode: row['project_code'] as string,
    projectName: row['project_name'] as string,
    labId: row['lab_id'] as string,
    title: row['title'] as string,
    kind: row['kind'] as MilestoneKind,
    stage: row['stage'] as Stage,
    dueOn,
    completedOn: (row['completed_on'] as string | null) ?? null,
    status,
    late: isLate({ status, dueOn }, today),
    ownerId: (row['owner_id'] as string | null) ?? null,
    ownerName: (row['owner_name'] as string | null) ?? null,
    participantCount: row['participant_count'] === null || row['participant_count'] === undefined ? null : Number(row['participant_count']),
    evidenceUrl: (row['evidence_url'] as string | null) ?? null,
    version: Number(row['version']),
    createdAt: iso(row['created_at']),
    updatedAt: iso(row['updated_at']),
  };
}
