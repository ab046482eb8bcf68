import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FundingLine, ProjectFunding } from '@sillon/contracts';
import { EntityManager, Repository } from 'typeorm';
import { ProblemException } from '../../common/problem-details.filter';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { assertNotArchived, findVisibleProject, ProjectRef } from '../access/visible-project';
import { ColumnChanges, updateVersioned } from '../audit/versioned-update';
import { unknownReference } from '../organisations/partners.service';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { CreateFundingLineDto, UpdateFundingLineDto } from './dto/funding-line.dto';
import { fundingDateErrors } from './funding-dates';
import { FundingLineEntity } from './funding-line.entity';
import { FROM_FUNDING, FUNDING_COLUMNS, toFundingLine, totalsByStatus } from './funding-rows';

export const FUNDING_LINE_NOT_FOUND = "Cette ligne de financement n'existe pas ou n'est pas accessible.";
const MANAGE_ONLY = 'Seul·e la ou le responsable du lab peut gérer les financements.';

@Injectable()
export class FundingService {
  constructor(
    @InjectRepository(FundingLineEntity) private readonly lines: Repository<FundingLineEntity>,
    private readonly policy: ProjectAccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async forProject(principal: Principal, projectId: string): Promise<ProjectFunding> {
    const project = await findVisibleProject(this.lines.manager, this.policy, principal, projectId);
    const rows = await this.lines.query(
      `SELECT ${FUNDING_COLUMNS} ${FROM_FUNDING} WHERE f.project_id = $1 ORDER BY f.requested_on NULLS LAST, f.created_at, f.id`,
      [project.id],
    );
    const items: FundingLine[] = rows.map(toFundingLine);
    return { items, totals: totalsByStatus(items) };
  }

  async get(principal: Principal, id: string): Promise<FundingLine> {
    return this.findVisible(this.lines.manager, principal, id);
  }

  async create(principal: Principal, projectId: string, dto: CreateFundingLineDto, ip?: string): Promise<FundingLine> {
    assertDates({ requestedOn: dto.requestedOn ?? null, decidedOn: dto.decidedOn ?? null, receivedOn: dto.receivedOn ?? null });
    return this.lines.manager.transaction(async (manager) => {
      const project = await findVisibleProject(manager, this.policy, principal, projectId, 'share');
      if (!this.policy.isLabManagerOf(principal, project.labId)) throw new ForbiddenException(MANAGE_ONLY);
      assertNotArchived(project);
      if (dto.funderId) await this.assertFunderInLab(manager, dto.funderId, project);
      const [{ id }] = await manager.query(
        `INSERT INTO funding_line (project_id, lab_id, funder_id, label, scheme, amount_cents, status, requested_on, decided_on, received_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [project.id, project.labId, dto.funderId ?? null, dto.label ?? '', dto.scheme, dto.amountCents, dto.status ?? 'requested',
          dto.requestedOn ?? null, dto.decidedOn ?? null, dto.receivedOn ?? null],
      );
      const created = await this.findVisible(manager, principal, id);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'create', entityType: 'funding_line',
        entityId: id, labId: project.labId, ip, after: created,
      });
      return created;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateFundingLineDto, ip?: string): Promise<FundingLine> {
    return this.lines.manager.transaction(async (manager) => {
      const before = await this.findVisible(manager, principal, id);
      if (!this.policy.isLabManagerOf(principal, before.labId)) throw new ForbiddenException(MANAGE_ONLY);
      const project = await findVisibleProject(manager, this.policy, principal, before.projectId);
      assertNotArchived(project);
      if (dto.funderId) await this.assertFunderInLab(manager, dto.funderId, project);
      assertDates({
        requestedOn: dto.requestedOn !== undefined ? dto.requestedOn : before.requestedOn,
        decidedOn: dto.decidedOn !== undefined ? dto.decidedOn : before.decidedOn,
        receivedOn: dto.receivedOn !== undefined ? dto.receivedOn : before.receivedOn,
      });
      const changes = new ColumnChanges();
      const columns: [keyof UpdateFundingLineDto, string][] = [
        ['funderId', 'funder_id'], ['label', 'label'], ['scheme', 'scheme'], ['amountCents', 'amount_cents'], ['status', 'status'],
        ['requestedOn', 'requested_on'], ['decidedOn', 'decided_on'], ['receivedOn', 'received_on'],
      ];
      for (const [field, column] of columns) {
        if (dto[field] !== undefined) changes.set(column, dto[field]);
      }
      // Conditional on the version the edit was based on: a stale edit overwrites nothing.
      return updateVersioned(manager, this.audit, {
        table: 'funding_line', id, version: dto.version, changes, before,
        read: () => this.findVisible(manager, principal, id),
        staleDetail: "Cette ligne de financement a été modifiée entre-temps : rechargez-la avant de l'enregistrer.",
        audit: (after) => ({
          actorId: principal.userId, actorEmail: principal.email, action: 'update', entityType: 'funding_line',
          entityId: id, labId: after.labId, ip,
        }),
      });
    });
  }

  private async findVisible(manager: EntityManager, principal: Principal, id: string): Promise<FundingLine> {
    const params: unknown[] = [id];
    const scope = this.policy.labScope(principal, 'f.lab_id', params);
    const rows = await manager.query(`SELECT ${FUNDING_COLUMNS} ${FROM_FUNDING} WHERE f.id = $1 AND ${scope}`, params);
    if (!rows[0]) throw new NotFoundException(FUNDING_LINE_NOT_FOUND);
    return toFundingLine(rows[0]);
  }

  private async assertFunderInLab(manager: EntityManager, funderId: string, project: ProjectRef): Promise<void> {
    const [funder] = await manager.query(`SELECT id FROM organisation WHERE id = $1 AND lab_id = $2`, [funderId, project.labId]);
    if (!funder) throw unknownReference('funderId', "Cette organisation n'existe pas dans le lab du projet.");
  }
}

function assertDates(dates: Parameters<typeof fundingDateErrors>[0]): void {
  const errors = fundingDateErrors(dates);
  if (errors.length) throw new ProblemException(400, 'La requête contient des données invalides.', { errors });
}
