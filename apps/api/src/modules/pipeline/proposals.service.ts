import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, Page, ProjectProposal, ProposalDecisionResult, ProposalStatus, Stage, STAGE_LABELS_FR } from '@sillon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemException } from '../../common/problem-details.filter';
import { isUuid } from '../../common/uuid-param.pipe';
import { RequestValidationException } from '../../common/validation-errors';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { findVisibleProject } from '../access/visible-project';
import { ProjectsService, RequestContext } from '../projects/projects.service';
import { CreateProposalDto } from './dto/create-proposal.dto';
import { DecideProposalDto } from './dto/decide-proposal.dto';
import { ProposalListQueryDto } from './dto/proposal-list-query.dto';
import { GateCriteriaService } from './gate-criteria.service';
import { decideTransition, needsLabManager } from './transition-rules';
import { TransitionsService } from './transitions.service';

export const PROPOSAL_NOT_FOUND = "Cette proposition n'existe pas ou n'est pas accessible.";

interface ProposalRow {
  id: string;
  lab_id: string;
  project_id: string;
  project_code: string;
  project_name: string;
  from_stage: string;
  to_stage: string;
  rationale: string;
  criteria_met: string[];
  unmet_reason: string | null;
  proposed_by: string;
  proposer_name: string | null;
  proposed_at: Date;
  status: string;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  transition_id: string | null;
  outcome_seen_at: Date | null;
  version: number;
}

const PROPOSAL_SELECT = `SELECT pp.id, pp.lab_id, pp.project_id, p.code AS project_code, p.name AS project_name, pp.from_stage, pp.to_stage,
  pp.rationale, pp.criteria_met, pp.unmet_reason, pp.proposed_by, proposer.display_name AS proposer_name, pp.proposed_at, pp.status,
  pp.decided_by, decider.display_name AS decider_name, pp.decided_at, pp.decision_note, pp.transition_id, pp.outcome_seen_at, pp.version
  FROM project_proposal pp
  JOIN project p ON p.id = pp.project_id
  LEFT JOIN app_user proposer ON proposer.id = pp.proposed_by
  LEFT JOIN app_user decider ON decider.id = pp.decided_by`;

const instant = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function toProposal(row: ProposalRow): ProjectProposal {
  return {
    id: row.id,
    labId: row.lab_id,
    projectId: row.project_id,
    projectCode: row.project_code,
    projectName: row.project_name,
    fromStage: row.from_stage as Stage,
    toStage: row.to_stage as Stage,
    rationale: row.rationale,
    criteriaMet: row.criteria_met,
    unmetReason: row.unmet_reason,
    proposedById: row.proposed_by,
    proposedByName: row.proposer_name,
    proposedAt: new Date(row.proposed_at).toISOString(),
    status: row.status as ProposalStatus,
    decidedById: row.decided_by,
    decidedByName: row.decider_name,
    decidedAt: instant(row.decided_at),
    decisionNote: row.decision_note,
    transitionId: row.transition_id,
    outcomeSeenAt: instant(row.outcome_seen_at),
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
    const rows: ProposalRow[] = await this.dataSource.query(
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
      if (proposal.version !== dto.version) {
        throw new ProblemException(409, "Cette proposition a changé entre-temps : rechargez-la avant de décider.", {
          code: 'stale_version',
          current: proposal,
        });
      }
      if (proposal.status !== 'pending') {
        throw new ProblemException(409, 'Cette proposition a déjà été décidée.', { code: 'proposal-decided', current: proposal });
      }
      const note = dto.note?.trim() || null;
      let result: ProposalDecisionResult = { proposal, project: null, transition: null };
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
        const moved = await this.transitions.recordIn(
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
        await manager.query(
          `UPDATE project_proposal SET status = 'accepted', decided_by = $2, decided_at = now(), decision_note = $3, transition_id = $4, version = version + 1
            WHERE id = $1`,
          [id, principal.userId, note, moved.transition.id],
        );
        result = { proposal: await this.read(manager, id), project: moved.project, transition: moved.transition };
      } else {
        await manager.query(
          `UPDATE project_proposal SET status = 'refused', decided_by = $2, decided_at = now(), decision_note = $3, version = version + 1 WHERE id = $1`,
          [id, principal.userId, note],
        );
        result = { proposal: await this.read(manager, id), project: null, transition: null };
      }
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: dto.decision === 'accepted' ? 'accept' : 'refuse',
        entityType: 'project_proposal', entityId: id, labId: proposal.labId, ip: context.ip, before: proposal, after: result.proposal,
      });
      return result;
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
    const rows: ProposalRow[] = await manager.query(`${PROPOSAL_SELECT} WHERE ${where.join(' AND ')}${lock ? ' FOR UPDATE OF pp' : ''}`, params);
    if (!rows[0]) throw new NotFoundException(PROPOSAL_NOT_FOUND);
    return toProposal(rows[0]);
  }

  private async read(manager: EntityManager, id: string): Promise<ProjectProposal> {
    const [row]: ProposalRow[] = await manager.query(`${PROPOSAL_SELECT} WHERE pp.id = $1`, [id]);
    return toProposal(row);
  }
}
