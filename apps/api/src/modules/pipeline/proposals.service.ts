import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, Page, ProjectProposal, ProposalDecisionResult, STAGE_LABELS_FR, TransitionResult } from '@sillon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ColumnsOf, RowOf, selectList } from '../../database/select-list';
import { ProblemException } from '../../common/problem-details.filter';
import { isUuid } from '../../common/uuid-param.pipe';
import { RequestValidationException } from '../../common/validation-errors';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { findVisibleProject } from '../access/visible-project';
import { ColumnChanges, staleVersion, updateVersioned } from '../audit/versioned-update';
import { ProjectsService, RequestContext } from '../projects/projects.service';
import { CreateProposalDto } from './dto/create-proposal.dto';
import { DecideProposalDto } from './dto/decide-proposal.dto';
import { ProposalListQueryDto } from './dto/proposal-list-query.dto';
import { GateCriteriaService } from './gate-criteria.service';
import { decideTransition, needsLabManager } from './transition-rules';
import { TransitionsService } from './transitions.service';

export const PROPOSAL_NOT_FOUND = "Cette proposition n'existe pas ou n'est pas accessible.";
const PROPOSAL_STALE = 'Cette proposition a changé entre-temps : rechargez-la avant de décider.';

// The contract's ProjectProposal as SQL: `pp` the proposal, `p` its project, `proposer` and `decider` accounts.
const PROPOSAL_COLUMNS: ColumnsOf<ProjectProposal> = {
  id: 'pp.id',
  labId: 'pp.lab_id',
  projectId: 'pp.project_id',
  projectCode: 'p.code',
  projectName: 'p.name',
  fromStage: 'pp.from_stage',
  toStage: 'pp.to_stage',
  rationale: 'pp.rationale',
  criteriaMet: 'pp.criteria_met',
  unmetReason: 'pp.unmet_reason',
  proposedById: 'pp.proposed_by',
  proposedByName: 'proposer.display_name',
  proposedAt: 'pp.proposed_at',
  status: 'pp.status',
  decidedById: 'pp.decided_by',
  decidedByName: 'decider.display_name',
  decidedAt: 'pp.decided_at',
  decisionNote: 'pp.decision_note',
  transitionId: 'pp.transition_id',
  outcomeSeenAt: 'pp.outcome_seen_at',
  version: 'pp.version',
};

const PROPOSAL_SELECT = `SELECT ${selectList(PROPOSAL_COLUMNS)}
  FROM project_proposal pp
  JOIN project p ON p.id = pp.project_id
  LEFT JOIN app_user proposer ON proposer.id = pp.proposed_by
  LEFT JOIN app_user decider ON decider.id = pp.decided_by`;

const instant = (value: unknown) => (value ? new Date(value as Date).toISOString() : null);

function toProposal(row: RowOf<ProjectProposal>): ProjectProposal {
  return {
    ...(row as ProjectProposal),
    proposedAt: new Date(row.proposedAt as Date).toISOString(),
    decidedAt: instant(row.decidedAt),
    outcomeSeenAt: instant(row.outcomeSeenAt),
    version: Number(row.version),
  };
}

// Proposals of stage changes: a project lead proposes what only the lab manager may decide (a move
// back, over a stage, or with unmet criteria); the lab manager accepts it, which records the move
// in the same transaction, or refuses it with a note; the lead reads the outcome and acknowledges it.
@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly policy: ProjectAccessPolicy,
    private readonly criteria: GateCriteriaService,
    private readonly transitions: TransitionsService,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal | undefined, projectId: string, dto: CreateProposalDto, context: RequestContext = {}): Promise<ProjectProposal> {
    this.policy.assertPortfolioReader(principal);
    return this.dataSource.transaction(async (manager) => {
      // Locked: two proposals of one project, or a proposal and a move, never cross.
      const project = await findVisibleProject(manager, this.policy, principal, projectId, 'update');
      const isLead = principal.role === 'project_lead' && principal.labId === project.labId && project.leadId === principal.userId;
      if (!isLead) {
        throw new ForbiddenException(
          this.policy.isLabManagerOf(principal, project.labId)
            ? 'La ou le responsable du lab décide le passage directement, sans proposition.'
            : 'Seul·e le ou la cheffe de ce projet peut proposer un passage.',
        );
      }
      if ((dto.version !== undefined && dto.version !== project.version) || project.archived) {
        throw await this.projects.staleVersion(manager, project.id);
      }
      const criteria = await this.criteria.findActiveForStage(manager, project.labId, project.stage);
      // The rules a lab manager's decision will follow: what could not be accepted is not proposed.
      const decision = decideTransition({
        isLabManager: true,
        isProjectLead: true,
        fromStage: project.stage,
        fromStatus: project.status,
        to: dto.to,
        criteriaIds: criteria.map((c) => c.id),
        criteriaMet: dto.criteriaMet ?? [],
        unmetReason: dto.unmetReason,
      });
      if (!needsLabManager(project.stage, decision.toStage, decision.unmet)) {
        throw new RequestValidationException([
          { field: 'to', code: 'noExceptionNeeded', message: "Ce passage ne demande pas d'exception : enregistrez-le directement." },
        ]);
      }
      const [pending] = await manager.query(`${PROPOSAL_SELECT} WHERE pp.project_id = $1 AND pp.status = 'pending'`, [project.id]);
      if (pending) {
        throw new ProblemException(409, 'Une proposition de passage attend déjà la décision de la ou du responsable du lab pour ce projet.', {
          code: 'proposal-pending',
          current: toProposal(pending),
        });
      }
      const [{ id }] = await manager.query(
        `INSERT INTO project_proposal (lab_id, project_id, from_stage, to_stage, rationale, criteria_met, unmet_reason, project_version, proposed_by)
         VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8, $9) RETURNING id`,
        [
          project.labId,
          project.id,
          project.stage,
          decision.toStage,
          dto.rationale.trim(),
          dto.criteriaMet ?? [],
          dto.unmetReason?.trim() || null,
          project.version,
          principal.userId,
        ],
      );
      const proposal = await this.read(manager, id);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'propose', entityType: 'project_proposal',
        entityId: id, labId: project.labId, ip: context.ip, after: proposal,
      });
      return proposal;
    });
  }

  // A lab manager reads their lab's proposals, a regional director their region's, a project lead
  // those they made. Open ones first, then the latest decided.
  async list(principal: Principal | undefined, query: ProposalListQueryDto): Promise<Page<ProjectProposal>> {
    this.policy.assertPortfolioReader(principal);
    const params: unknown[] = [];
    const where = this.scope(principal, params);
    if (query.status) where.push(`pp.status = $${params.push(query.status)}`);
    if (query.project) where.push(`pp.project_id = $${params.push(query.project)}`);
    if (query.unseen === true) where.push(`pp.status <> 'pending' AND pp.outcome_seen_at IS NULL`);
    if (query.unseen === false) where.push(`NOT (pp.status <> 'pending' AND pp.outcome_seen_at IS NULL)`);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const condition = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM project_proposal pp WHERE ${condition}`, params);
    const rows: RowOf<ProjectProposal>[] = await this.dataSource.query(
      `${PROPOSAL_SELECT} WHERE ${condition}
        ORDER BY (pp.status = 'pending') DESC, coalesce(pp.decided_at, pp.proposed_at) DESC, pp.id
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: rows.map(toProposal), total, page, pageSize };
  }

  async get(principal: Principal | undefined, id: string): Promise<ProjectProposal> {
    this.policy.assertPortfolioReader(principal);
    return this.findVisible(this.dataSource.manager, principal, id);
  }

  async decide(principal: Principal | undefined, id: string, dto: DecideProposalDto, context: RequestContext = {}): Promise<ProposalDecisionResult> {
    this.policy.assertPortfolioReader(principal);
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.findVisible(manager, principal, id, true);
      if (!this.policy.isLabManagerOf(principal, proposal.labId)) {
        throw new ForbiddenException('Seul·e la ou le responsable du lab accepte ou refuse une proposition de passage.');
      }
      if (proposal.version !== dto.version) throw staleVersion(PROPOSAL_STALE, proposal);
      if (proposal.status !== 'pending') {
        throw new ProblemException(409, 'Cette proposition a déjà été décidée.', { code: 'proposal-decided', current: proposal });
      }
      const note = dto.note?.trim() || null;
      const changes = new ColumnChanges()
        .set('status', dto.decision)
        .set('decided_by', principal.userId, 'uuid')
        .setExpression('decided_at', 'now()')
        .set('decision_note', note, 'varchar');
      let moved: TransitionResult | null = null;
      if (dto.decision === 'accepted') {
        const project = await findVisibleProject(manager, this.policy, principal, proposal.projectId, 'update');
        if (project.archived || project.status !== 'active' || project.stage !== proposal.fromStage) {
          const current = await this.projects.readContract(manager, project.id);
          const now = project.archived ? 'il est archivé' : project.status !== 'active' ? "il n'est plus actif" : `il est maintenant en ${STAGE_LABELS_FR[project.stage]}`;
          throw new ProblemException(409, `Le projet a changé depuis la proposition (${now}) : refusez-la ou demandez-en une nouvelle.`, {
            code: 'project-changed',
            current,
          });
        }
        // The checklist may have changed since: only criteria still in force count as met.
        const criteria = new Set((await this.criteria.findActiveForStage(manager, project.labId, project.stage)).map((c) => c.id));
        moved = await this.transitions.recordIn(
          manager,
          principal,
          project,
          {
            to: proposal.toStage,
            rationale: proposal.rationale,
            criteriaMet: proposal.criteriaMet.filter((c) => criteria.has(c)),
            // An exception needs its reason; a move back has none, and a checklist grown since the
            // proposal is passed on the manager's decision.
            unmetReason: proposal.unmetReason ?? note ?? `Proposition de ${proposal.proposedByName ?? 'la cheffe ou du chef de projet'} acceptée.`,
          },
          context,
        );
        changes.set('transition_id', moved.transition.id, 'uuid');
      }
      // Under the row lock the version read is current.
      const decided = await updateVersioned(manager, this.audit, {
        table: 'project_proposal',
        id,
        version: proposal.version,
        changes,
        before: proposal,
        read: () => this.read(manager, id),
        staleDetail: PROPOSAL_STALE,
        audit: () => ({
          actorId: principal.userId,
          actorEmail: principal.email,
          action: dto.decision === 'accepted' ? 'accept' : 'refuse',
          entityType: 'project_proposal',
          entityId: id,
          labId: proposal.labId,
          ip: context.ip,
        }),
      });
      return { proposal: decided, project: moved?.project ?? null, transition: moved?.transition ?? null };
    });
  }

  // The lead who proposed has read the decision: it leaves their notifications.
  async acknowledge(principal: Principal | undefined, id: string, context: RequestContext = {}): Promise<ProjectProposal> {
    this.policy.assertPortfolioReader(principal);
    return this.dataSource.transaction(async (manager) => {
      const proposal = await this.findVisible(manager, principal, id, true);
      if (proposal.proposedById !== principal.userId) {
        throw new ForbiddenException('Seule la personne qui a fait la proposition en prend connaissance.');
      }
      if (proposal.status === 'pending') {
        throw new ProblemException(409, "Cette proposition n'est pas encore décidée.", { code: 'proposal-pending', current: proposal });
      }
      if (proposal.outcomeSeenAt) return proposal;
      await manager.query(`UPDATE project_proposal SET outcome_seen_at = now() WHERE id = $1`, [id]);
      const after = await this.read(manager, id);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'acknowledge', entityType: 'project_proposal',
        entityId: id, labId: proposal.labId, ip: context.ip, before: proposal, after,
      });
      return after;
    });
  }

  // SQL conditions on `pp`: the caller's labs, and for a project lead only what they proposed.
  private scope(principal: Principal, params: unknown[]): string[] {
    const where = [this.policy.labScope(principal, 'pp.lab_id', params)];
    if (principal.role === 'project_lead') where.push(`pp.proposed_by = $${params.push(principal.userId)}`);
    return where;
  }

  private async findVisible(manager: EntityManager, principal: Principal, id: string, lock = false): Promise<ProjectProposal> {
    if (!isUuid(id)) throw new NotFoundException(PROPOSAL_NOT_FOUND);
    const params: unknown[] = [id];
    const where = ['pp.id = $1', ...this.scope(principal, params)];
    const rows: RowOf<ProjectProposal>[] = await manager.query(`${PROPOSAL_SELECT} WHERE ${where.join(' AND ')}${lock ? ' FOR UPDATE OF pp' : ''}`, params);
    if (!rows[0]) throw new NotFoundException(PROPOSAL_NOT_FOUND);
    return toProposal(rows[0]);
  }

  private async read(manager: EntityManager, id: string): Promise<ProjectProposal> {
    const [row]: RowOf<ProjectProposal>[] = await manager.query(`${PROPOSAL_SELECT} WHERE pp.id = $1`, [id]);
    return toProposal(row);
  }
}
