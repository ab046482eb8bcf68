import { ConflictException, NotFoundException } from '@nestjs/common';
import type { ProjectStatus, Stage } from '@sillon/contracts';
import { EntityManager } from 'typeorm';
import { isUuid } from '../../common/uuid-param.pipe';
import { Principal } from './principal';
import { PROJECT_NOT_FOUND, ProjectAccessPolicy } from './project-access.policy';

// What the project and the areas hanging off it (transitions, milestones, partners, funding) need to know about it.
export interface ProjectRef {
  id: string;
  labId: string;
  leadId: string | null;
  stage: Stage;
  status: ProjectStatus;
  statusReason: string | null;
  code: string;
  name: string;
  version: number;
  archived: boolean;
}

// 'share' keeps the project as read (lab, lead, not archived) until the transaction ends, for a write beside it;
// 'update' takes the row for a write to the project itself.
export type ProjectLock = 'share' | 'update';
const LOCK_CLAUSE: Record<ProjectLock, string> = { share: ' FOR SHARE', update: ' FOR UPDATE' };

// The project if the caller may read it, else a 404 (whether it exists elsewhere, not at all, or the id is no UUID).
// The caller has already refused a non-reader (assertPortfolioReader). Pass the transaction's manager inside one.
export async function findVisibleProject(
  manager: EntityManager,
  policy: ProjectAccessPolicy,
  principal: Principal,
  projectId: string,
  lock?: ProjectLock,
): Promise<ProjectRef> {
  if (!isUuid(projectId)) throw new NotFoundException(PROJECT_NOT_FOUND);
  const params: unknown[] = [projectId];
  const scope = policy.labScope(principal, 'p.lab_id', params);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT p.id, p.lab_id, p.lead_id, p.stage, p.status, p.status_reason, p.code, p.name, p.version, p.archived_at IS NOT NULL AS archived
       FROM project p WHERE p.id = $1 AND ${scope}${lock ? LOCK_CLAUSE[lock] : ''}`,
    params,
  );
  const row = rows[0];
  if (!row) throw new NotFoundException(PROJECT_NOT_FOUND);
  return {
    id: row['id'] as string,
    labId: row['lab_id'] as string,
    leadId: (row['lead_id'] as string | null) ?? null,
    stage: row['stage'] as Stage,
    status: row['status'] as ProjectStatus,
    statusReason: (row['status_reason'] as string | null) ?? null,
    code: row['code'] as string,
    name: row['name'] as string,
    version: row['version'] as number,
    archived: row['archived'] === true,
  };
}

export function assertNotArchived(project: ProjectRef): void {
  if (project.archived) throw new ConflictException('Ce projet est archivé : il ne peut plus être modifié.');
}
