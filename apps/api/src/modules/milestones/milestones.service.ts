import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FieldError, Milestone, MilestoneOwner, Page } from '@sillon/contracts';
import { EntityManager, Repository } from 'typeorm';
import { jsonObjects, JsonText, pageJson } from '../../common/json-text';
import { parisToday } from '../../common/paris-today';
import { PreparedStatements } from '../../database/prepared-statements';
import { ProblemException } from '../../common/problem-details.filter';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { pageOf } from '../../common/page-query.dto';
import { ColumnsOf, selectList } from '../../database/select-list';
import { PROJECT_NOT_FOUND, ProjectAccessPolicy } from '../access/project-access.policy';
import { ColumnChanges, updateVersioned } from '../audit/versioned-update';
import { CreateMilestoneDto, MilestoneListQueryDto, MilestoneOwnerQueryDto, ProjectMilestoneQueryDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency';
import { resolveMilestoneState } from './milestone-rules';
import { FROM_MILESTONE, milestoneFields } from './milestone-rows';
import { MilestoneEntity } from './milestone.entity';
import { assertNotArchived, findVisibleProject, ProjectRef } from '../access/visible-project';

export const MILESTONE_NOT_FOUND = "Ce jalon n'existe pas ou n'est pas accessible.";

export interface CreatedMilestone {
  milestone: Milestone;
  // True when an earlier request with the same Idempotency-Key created it.
  replayed: boolean;
}

// Who may own a milestone, as the owner picker reads it.
const OWNER_COLUMNS: ColumnsOf<MilestoneOwner> = { id: 'u.id', displayName: 'u.display_name', labId: 'u.lab_id' };

@Injectable()
export class MilestonesService {
  constructor(
    @InjectRepository(MilestoneEntity) private readonly milestones: Repository<MilestoneEntity>,
    private readonly policy: ProjectAccessPolicy,
    private readonly audit: AuditService,
    private readonly statements: PreparedStatements,
  ) {}

  // The scope check, the count and the page in one statement, serialised by PostgreSQL.
  async listForProject(principal: Principal, projectId: string, query: ProjectMilestoneQueryDto): Promise<JsonText<Page<Milestone>>> {
    const { page, pageSize } = pageOf(query);
    const params: unknown[] = [projectId];
    const scope = this.policy.labScope(principal, 'v.lab_id', params);
    const today = `$${params.push(parisToday())}::date`;
    const body = pageJson(params, { page, pageSize }, ({ limit, offset }) => ({
      items: `SELECT ${milestoneFields(today)} ${FROM_MILESTONE} WHERE m.project_id = v.id ORDER BY m.due_on, m.id LIMIT ${limit} OFFSET ${offset}`,
      total: `SELECT count(*)::int FROM milestone WHERE project_id = v.id`,
    }));
    const rows = await this.statements.query<{ body: string }>(`SELECT ${body} AS body FROM project v WHERE v.id = $1 AND ${scope}`, params);
    if (!rows[0]) throw new NotFoundException(PROJECT_NOT_FOUND);
    return new JsonText(rows[0].body);
  }

  // The lab-wide list, overdue first (oldest due first), then the rest by due date.
  async findInLabs(principal: Principal, query: MilestoneListQueryDto): Promise<JsonText<Page<Milestone>>> {
    const { page, pageSize } = pageOf(query);
    const params: unknown[] = [];
    // Not on an archived project: the milestone carries the flag (migration OpenMilestonesOfLiveProjects),
    // so the count needs no join.
    const where = [this.policy.labScope(principal, 'm.lab_id', params), 'NOT m.project_archived'];
    if (query.lab) where.push(`m.lab_id = $${params.push(query.lab)}`);
    if (query.project) where.push(`m.project_id = $${params.push(query.project)}`);
    if (query.owner) where.push(`m.owner_id = $${params.push(query.owner)}`);
    if (query.stage) where.push(`m.stage = $${params.push(query.stage)}`);
    if (query.status) where.push(`m.status = $${params.push(query.status)}`);
    if (query.dueFrom) where.push(`m.due_on >= $${params.push(query.dueFrom)}::date`);
    if (query.dueTo) where.push(`m.due_on <= $${params.push(query.dueTo)}::date`);
    if (query.completedFrom) where.push(`m.completed_on >= $${params.push(query.completedFrom)}::date`);
    if (query.completedTo) where.push(`m.completed_on <= $${params.push(query.completedTo)}::date`);
    const today = `$${params.push(parisToday())}::date`;
    const overdue = `(m.status = 'planned' AND m.due_on < ${today})`;
    // Matches the partial index on open milestones of live projects (lab_id, due_on, id).
    if (query.overdue === true) where.push(overdue);
    if (query.overdue === false) where.push(`NOT ${overdue}`);
    const condition = where.join(' AND ');
    // Only overdue ones: the index order itself, so the page reads 50 index entries, not all of them.
    // Done ones: what was achieved last comes first.
    const order =
      query.overdue === true ? 'm.due_on, m.id' : query.status === 'done' ? 'm.completed_on DESC, m.id DESC' : `${overdue} DESC, m.due_on, m.id`;
    const body = pageJson(params, { page, pageSize }, ({ limit, offset }) => ({
      items: `SELECT ${milestoneFields(today)} ${FROM_MILESTONE} WHERE ${condition} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      total: `SELECT count(*)::int FROM milestone m WHERE ${condition}`,
    }));
    const [row] = await this.statements.query<{ body: string }>(`SELECT ${body} AS body`, params);
    return new JsonText(row.body);
  }

  // Who may own a milestone in the caller's labs: active project leads and lab managers, by name only.
  async ownersInLabs(principal: Principal, query: MilestoneOwnerQueryDto): Promise<MilestoneOwner[]> {
    const params: unknown[] = [];
    const where = [this.policy.labScope(principal, 'u.lab_id', params), 'u.active', `u.role IN ('project_lead', 'lab_manager')`];
    if (query.lab) where.push(`u.lab_id = $${params.push(query.lab)}`);
    return this.milestones.manager.query(
      `SELECT ${selectList(OWNER_COLUMNS)} FROM app_user u
        WHERE ${where.join(' AND ')} ORDER BY immutable_unaccent(lower(u.display_name)), u.id`,
      params,
    );
  }

  async get(principal: Principal, id: string): Promise<Milestone> {
    return this.findVisible(this.milestones.manager, principal, id);
  }

  async create(
    principal: Principal,
    projectId: string,
    dto: CreateMilestoneDto,
    idempotencyKey?: string,
    ip?: string,
  ): Promise<CreatedMilestone> {
    const route = `POST /api/v1/projects/${projectId}/milestones`;
    const claim = idempotencyKey ? { userId: principal.userId, key: idempotencyKey, route, hash: requestHash(route, dto) } : undefined;
    return this.milestones.manager.transaction(async (manager) => {
      const project = await this.writableProject(manager, principal, projectId);
      if (claim) {
        const claimed = await claimIdempotencyKey(manager, claim);
        if (claimed.kind === 'replay') return { milestone: claimed.body as Milestone, replayed: true };
      }
      const today = parisToday();
      const { state, errors } = resolveMilestoneState(null, dto, today);
      if (dto.ownerId) errors.push(...(await this.ownerErrors(manager, dto.ownerId, project)));
      assertNoErrors(errors);
      // The insert returns the contract read of the new row: no second statement to read it back.
      const params = [project.id, project.labId, dto.title, state.kind, dto.stage ?? project.stage, dto.dueOn, state.completedOn, state.status,
        dto.ownerId ?? null, state.participantCount, dto.evidenceUrl ?? null, today];
      const [{ milestone }]: { milestone: Milestone }[] = await manager.query(
        `WITH m AS (
           INSERT INTO milestone (project_id, lab_id, title, kind, stage, due_on, completed_on, status, owner_id, participant_count, evidence_url)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *)
         ${jsonObjects(`SELECT ${milestoneFields('$12::date')} FROM m JOIN project p ON p.id = m.project_id LEFT JOIN app_user u ON u.id = m.owner_id`, 'milestone')}`,
        params,
      );
      const id = milestone.id;
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'create', entityType: 'milestone',
        entityId: id, labId: project.labId, ip, after: milestone,
      });
      if (claim) await storeIdempotentResponse(manager, claim, 201, milestone);
      return { milestone, replayed: false };
    });
  }

  // Edits, completes (status done) or cancels (status cancelled), conditional on the version.
  async update(principal: Principal, id: string, dto: UpdateMilestoneDto, ip?: string): Promise<Milestone> {
    return this.milestones.manager.transaction(async (manager) => {
      const before = await this.findVisible(manager, principal, id);
      const project = await this.writableProject(manager, principal, before.projectId);
      const today = parisToday();
      const { state, errors } = resolveMilestoneState(before, dto, today);
      if (dto.ownerId) errors.push(...(await this.ownerErrors(manager, dto.ownerId, project)));
      assertNoErrors(errors);
      const changes = new ColumnChanges()
        .set('kind', state.kind)
        .set('status', state.status)
        .set('completed_on', state.completedOn, 'date')
        .set('participant_count', state.participantCount, 'int');
      if (dto.title !== undefined) changes.set('title', dto.title);
      if (dto.stage !== undefined) changes.set('stage', dto.stage);
      if (dto.dueOn !== undefined) changes.set('due_on', dto.dueOn, 'date');
      if (dto.ownerId !== undefined) changes.set('owner_id', dto.ownerId, 'uuid');
      if (dto.evidenceUrl !== undefined) changes.set('evidence_url', dto.evidenceUrl);
      // Conditional on the version the edit was based on: a stale edit overwrites nothing.
      return updateVersioned(manager, this.audit, {
        table: 'milestone', id, version: dto.version, changes, before,
        read: () => this.findVisible(manager, principal, id),
        staleDetail: "Ce jalon a été modifié entre-temps : rechargez-le avant de l'enregistrer.",
        audit: (after) => ({
          actorId: principal.userId, actorEmail: principal.email,
          action: before.status !== after.status ? { done: 'complete', cancelled: 'cancel', planned: 'reopen' }[after.status] : 'update',
          entityType: 'milestone', entityId: id, labId: after.labId, ip,
        }),
      });
    });
  }

  private async findVisible(manager: EntityManager, principal: Principal, id: string): Promise<Milestone> {
    const params: unknown[] = [id];
    const scope = this.policy.labScope(principal, 'm.lab_id', params);
    const today = `$${params.push(parisToday())}::date`;
    const rows: { milestone: Milestone }[] = await manager.query(jsonObjects(`SELECT ${milestoneFields(today)} ${FROM_MILESTONE} WHERE m.id = $1 AND ${scope}`, 'milestone'), params);
    if (!rows[0]) throw new NotFoundException(MILESTONE_NOT_FOUND);
    return rows[0].milestone;
  }

  // Project leads log milestones on the projects they lead; lab managers on every project of their lab.
  private async writableProject(manager: EntityManager, principal: Principal, projectId: string): Promise<ProjectRef> {
    const project = await findVisibleProject(manager, this.policy, principal, projectId, 'share');
    this.policy.assertCanWrite(principal, project);
    assertNotArchived(project);
    return project;
  }

  // An owner is an active member of the project's lab.
  private async ownerErrors(manager: EntityManager, ownerId: string, project: ProjectRef): Promise<FieldError[]> {
    const [owner] = await manager.query(
      `SELECT id FROM app_user WHERE id = $1 AND lab_id = $2 AND active AND role IN ('project_lead', 'lab_manager')`,
      [ownerId, project.labId],
    );
    return owner ? [] : [{ field: 'ownerId', code: 'unknownOwner', message: "Cette personne n'est pas membre active du lab du projet." }];
  }
}

function assertNoErrors(errors: FieldError[]): void {
  if (errors.length) throw new ProblemException(400, 'La requête contient des données invalides.', { errors });
}
