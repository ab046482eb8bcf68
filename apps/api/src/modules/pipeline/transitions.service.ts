import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StageTransition, TransitionResult } from '@sillon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ColumnsOf, RowOf, selectList } from '../../database/select-list';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { findVisibleProject, ProjectRef } from '../access/visible-project';
import { ColumnChanges, updateVersioned } from '../audit/versioned-update';
import { PROJECT_STALE, ProjectsService, RequestContext } from '../projects/projects.service';
import { CreateTransitionDto } from './dto/create-transition.dto';
import { GateCriteriaService } from './gate-criteria.service';
import { decideTransition } from './transition-rules';

// The contract's StageTransition as SQL: `t` is the transition, `u` who decided it.
const TRANSITION_COLUMNS: ColumnsOf<StageTransition> = {
  id: 't.id',
  projectId: 't.project_id',
  fromStage: 't.from_stage',
  toStage: 't.to_stage',
  fromStatus: 't.from_status',
  toStatus: 't.to_status',
  rationale: 't.rationale',
  criteriaMet: 't.criteria_met',
  criteriaUnmet: 't.criteria_unmet',
  unmetReason: 't.unmet_reason',
  decidedById: 't.decided_by',
  decidedByName: 'u.display_name',
  decidedAt: 't.decided_at',
};

// What a move needs, whoever asks for it (CreateTransitionDto, or an accepted proposal).
export type TransitionInput = Pick<CreateTransitionDto, 'to' | 'status' | 'rationale' | 'criteriaMet' | 'unmetReason'>;

const TRANSITION_SELECT = `SELECT ${selectList(TRANSITION_COLUMNS)}
  FROM stage_transition t LEFT JOIN app_user u ON u.id = t.decided_by`;

function toTransition(row: RowOf<StageTransition>): StageTransition {
  return { ...(row as StageTransition), decidedAt: new Date(row.decidedAt as Date).toISOString() };
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
    this.policy.assertPortfolioReader(principal);
    const project = await findVisibleProject(this.dataSource.manager, this.policy, principal, projectId);
    const rows: RowOf<StageTransition>[] = await this.dataSource.query(`${TRANSITION_SELECT} WHERE t.project_id = $1 ORDER BY t.decided_at, t.id`, [
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
      const project = await findVisibleProject(manager, this.policy, principal, projectId, 'update');
      this.policy.assertCanWrite(principal, project);
      if (dto.version !== undefined && dto.version !== project.version) throw await this.projects.staleVersion(manager, project.id);
      if (project.archived) throw await this.projects.staleVersion(manager, project.id);
      return this.recordIn(manager, principal, project, dto, context);
    });
  }

  // Decides and records a move of a project read under lock in the caller's transaction (a direct
  // transition, or a proposal a lab manager accepts): project, history and audit change together.
  async recordIn(
    manager: EntityManager,
    principal: Principal,
    project: ProjectRef,
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
    const statusReason = !decision.statusChanged ? project.statusReason : decision.toStatus === 'active' ? null : dto.rationale.trim();
    // The decision is recorded first, so that the project's audit event can carry it; a stale
    // version below rolls both back.
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
    // Conditional on the version read under lock: stage, status, entry date and version move together.
    const changes = new ColumnChanges().set('stage', decision.toStage).set('status', decision.toStatus).set('status_reason', statusReason);
    if (decision.stageChanged) changes.setExpression('stage_entered_at', 'now()');
    const after = await updateVersioned(manager, this.audit, {
      table: 'project',
      id: project.id,
      version: project.version,
      changes,
      before: await this.projects.readContract(manager, project.id),
      read: () => this.projects.readContract(manager, project.id),
      staleDetail: PROJECT_STALE,
      audit: (after) => ({
        actorId: principal.userId,
        actorEmail: principal.email,
        action: 'transition',
        entityType: 'project',
        entityId: project.id,
        labId: project.labId,
        ip: context.ip,
        after: { ...after, transition },
      }),
    });
    return { project: after, transition };
  }

  private async readTransition(manager: EntityManager, id: string): Promise<StageTransition> {
    const [row]: RowOf<StageTransition>[] = await manager.query(`${TRANSITION_SELECT} WHERE t.id = $1`, [id]);
    return toTransition(row);
  }
}
