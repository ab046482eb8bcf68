import type { Health, Project, ProjectStatus, Stage, Theme } from '@sillon/contracts';

// Columns every project read selects (see PROJECT_COLUMNS), as the driver returns them.
export interface ProjectRow {
  id: string;
  lab_id: string;
  lab_code: string;
  code: string;
  name: string;
  summary: string;
  themes: string[];
  stage: string;
  status: string;
  status_reason: string | null;
  health: string;
  health_comment: string | null;
  lead_id: string | null;
  lead_name: string | null;
  departments: string[];
  communes: string[];
  start_date: string | null;
  is_public: boolean;
  stage_entered_at: Date;
  version: number;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
}

// `p` is the project, `l` its lab, `u` its lead. start_date as text: no time zone may shift a date.
export const PROJECT_COLUMNS = `p.id, p.lab_id, l.code AS lab_code, p.code, p.name, p.summary, p.themes, p.stage, p.status,
  p.status_reason, p.health, p.health_comment, p.lead_id, u.display_name AS lead_name, p.departments, p.communes,
  to_char(p.start_date, 'YYYY-MM-DD') AS start_date, p.is_public, p.stage_entered_at, p.version, p.created_at,
  p.updated_at, p.archived_at`;

export const PROJECT_FROM = `project p JOIN lab l ON l.id = p.lab_id LEFT JOIN app_user u ON u.id = p.lead_id`;

const DAY_MS = 86_400_000;

export function toProject(row: ProjectRow, now: Date = new Date()): Project {
  const stageEnteredAt = new Date(row.stage_entered_at);
  return {
    id: row.id,
    labId: row.lab_id,
    labCode: row.lab_code,
    code: row.code,
    name: row.name,
    summary: row.summary,
    themes: row.themes as Theme[],
    stage: row.stage as Stage,
    status: row.status as ProjectStatus,
    statusReason: row.status_reason,
    health: row.health as Health,
    healthComment: row.health_comment,
    leadId: row.lead_id,
    leadName: row.lead_name,
    departments: row.departments,
    communes: row.communes,
    startDate: row.start_date,
    isPublic: row.is_public,
    stageEnteredAt: stageEnteredAt.toISOString(),
    daysInStage: Math.max(0, Math.floor((now.getTime() - stageEnteredAt.getTime()) / DAY_MS)),
    version: Number(row.version),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    archivedAt: row.archived_at ? new Date(row.archived_at).toISOString() : null,
  };
}
