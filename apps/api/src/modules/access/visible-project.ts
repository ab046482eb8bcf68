import { ConflictException, NotFoundException } from '@nestjs/common';
import type { Stage } from '@sillon/contracts';
import { EntityManager } from 'typeorm';
import { Principal } from './principal';
import { PROJECT_NOT_FOUND, ProjectAccessPolicy } from './project-access.policy';

// What the areas hanging off a project (milestones, partners, funding) need to know about it.
export interface ProjectRef {
  id: string;
  labId: string;
  leadId: string | null;
  stage: Stage;
  code: string;
  name: string;
  archived: boolean;
}

// The project if the caller may read it, else a 404 (whether it exists elsewhere or not at all).
export async function findVisibleProject(
  manager: EntityManager,
  policy: ProjectAccessPolicy,
  principal: Principal,
  projectId: string,
  lock = false,
): Promise<ProjectRef> {
  const params: unknown[] = [projectId];
  const scope = policy.labScope(principal, 'p.lab_id', params);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT p.id, p.lab_id, p.lead_id, p.stage, p.code, p.name, p.archived_at IS NOT NULL AS archived
       FROM project p WHERE p.id = $1 AND ${scope}${lock ? ' FOR SHARE' : ''}`,
    params,
  );
  const row = rows[0];
  if (!row) throw new NotFoundException(PROJECT_NOT_FOUND);
  return {
    id: row['id'] as string,
    labId: row['lab_id'] as string,
    leadId: (row['lead_id'] as string | null) ?? null,
    stage: row['stage'] as Stage,
    code: row['code'] as string,
    name: row['name'] as string,
    archived: row['archived'] === true,
  };
}

export function assertNotArchived(project: ProjectRef): void {
  if (project.archived) throw new ConflictException('Ce projet est archivé : il ne peut plus être modifié.');
}
