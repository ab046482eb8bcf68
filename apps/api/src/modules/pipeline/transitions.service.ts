import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProjectStatus, Stage, StageTransition, TransitionResult } from '@sillon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../auth/principal';
import { ProjectEntity } from '../projects/project.entity';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { ProjectsService, RequestContext } from '../projects/projects.service';
import { CreateTransitionDto } from './dto/create-transition.dto';
import { GateCriteriaService } from './gate-criteria.service';
import { decideTransition } from './transition-rules';

// What a move needs, whoever asks for it (CreateTransitionDto, or an accepted proposal).
export type TransitionInput = Pick<CreateTransitionDto, 'to' | 'status' | 'rationale' | 'criteriaMet' | 'unmetReason'>;

interface TransitionRow {
  id: string;
  project_id: string;
  from_stage: string | null;
  to_stage: string;
  from_status: string | null;
  to_status: string;
  rationale: string;
  criteria_met: string[];
  criteria_unmet: { id: string; label: string }[];
  unmet_reason: string | null;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: Date;
}

const TRANSITION_SELECT = `SELECT t.id, t.project_id, t.from_stage, t.to_stage, t.from_status, t.to_status, t.rationale,
  t.criteria_met, t.criteria_unmet, t.unmet_reason, t.decided_by, u.display_name AS decider_name, t.decided_at
  FROM stage_transition t LEFT JOIN app_user u ON u.id = t.decided_by`;

function toTransition(row: TransitionRow): StageTransition {
  return {
    id: row.id,
    projectId: row.project_id,
    fromStage: row.from_stage as Stage | null,
    toStage: row.to_stage as Stage,
    fromStatus: row.from_status as ProjectStatus | null,
    toStatus: row.to_status as ProjectStatus,
    rationale: row.rationale,
    criteriaMet: row.criteria_met,
    criteriaUnmet: row.criteria_unmet,
    unmetReason: row.unmet_reason,
    decidedById: row.decided_by,
    decidedByName: row.decider_name,
    decidedAt: new Date(row.decided_at).toISOString(),
  };
}

@Injectable()
export class TransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly policy: ProjectAccessPolicy,
    private readonly criteria: GateCriteriaService,
    private readonly audit: AuditService,
  ) {}

  // Oldest first: the project's creation, then every decision.
  async history(principal: Principal | undefined, projectId: string): Promise<StageTransition[]> {
    const project = await this.projects.findVisibleOrFail(principal, projectId);
    const rows: TransitionRow[] = await this.dataSource.query(`${TRANSITION_SELECT} WHERE t.project_id = $1 ORDER BY t.decided_at, t.id`, [
      project.id,
    ]);
    return rows.map(toTransition);
  }

  async transition(
    principal: Principal | undefined,
    projectId: string,
    dto: CreateTransitionDto,
    context: RequestContext = {},
  ): Promise<TransitionResult> {
    this.policy.assertPortfolioReader(principal);
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.findVisibleOrFail(principal, projectId, manager, true);
      this.policy.assertCanWrite(principal, project);
      if (dto.version !== undefined && dto.version !== project.version) throw await this.projects.staleVersion(manager, project.id);
      if (project.archivedAt) throw await this.projects.staleVersion(manager, project.id);
      return this.recordIn(manager, principal, project, dto, context);
    });
  }

  // Decides and records a move of a project read under lock in the caller's transaction (a direct
  // transition, or a proposal a lab manager accepts): project, history and audit change together.
  async recordIn(
    manager: EntityManager,
    principal: Principal,
    project: ProjectEntity,
    dto: TransitionInput,
    context: RequestContext = {},
  ): Promise<TransitionResult> {
    const criteria = await this.criteria.findActiveForStage(manager, project.labId, project.stage);
    const decision = decideTransition({
      isLabManager: this.policy.isLabManagerOf(principal, project.labId),
      isProjectLead: principal.role === 'project_lead' && project.leadId === principal.userId,
      fromStage: project.stage,
      fromStatus: project.status,
      to: dto.to,
      status: dto.status,
      criteriaIds: criteria.map((c) => c.id),
      criteriaMet: dto.criteriaMet ?? [],
      unmetReason: dto.unmetReason,
    });
    const before = await this.projects.readContract(manager, project.id);
    const statusReason = !decision.statusChanged ? project.statusReason : decision.toStatus === 'active' ? null : dto.rationale.trim();
    // Conditional on the version read under lock: stage, status, entry date and version move together.
    const [updated] = await manager.query(
      `UPDATE project SET stage = $3, status = $4, status_reason = $5,
         stage_entered_at = CASE WHEN $6::boolean THEN now() ELSE stage_entered_at END,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [project.id, project.version, decision.toStage, decision.toStatus, statusReason, decision.stageChanged],
    );
    if (!updated.length) throw await this.projects.staleVersion(manager, project.id);
    const unmet = criteria.filter((c) => decision.unmet.includes(c.id)).map((c) => ({ id: c.id, label: c.label }));
    const [{ id }] = await manager.query(
      `INSERT INTO stage_transition (project_id, from_stage, to_stage, from_status, to_status, rationale, criteria_met, criteria_unmet, unmet_reason, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::jsonb, $9, $10) RETURNING id`,
      [
        project.id,
        project.stage,
        decision.toStage,
        project.status,
        decision.toStatus,
        dto.rationale.trim(),
        dto.criteriaMet ?? [],
        JSON.stringify(unmet),
        dto.unmetReason?.trim() || null,
        principal.userId,
      ],
    );
    const transition = await this.readTransition(manager, id);
    const after = await this.projects.readContract(manager, project.id);
    await this.audit.record(manager, {
      actorId: principal.userId,
      actorEmail: principal.email,
      action: 'transition',
      entityType: 'project',
      entityId: project.id,
      labId: project.labId,
      ip: context.ip,
      before,
      after: { ...after, transition },
    });
    return { project: after, transition };
  }

  private async readTransition(manager: EntityManager, id: string): Promise<StageTransition> {
    const [row]: TransitionRow[] = await manager.query(`${TRANSITION_SELECT} WHERE t.id = $1`, [id]);
    return toTransition(row);
  }
}
