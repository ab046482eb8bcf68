import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEvent, DEFAULT_PAGE_SIZE, Page } from '@sillon/contracts';
import { DataSource } from 'typeorm';
import { RequestValidationException } from '../../common/validation-errors';
import { ColumnsOf, RowOf, selectList } from '../../database/select-list';
import { Principal } from '../access/principal';
import { LAB_NOT_FOUND, ProjectAccessPolicy } from '../access/project-access.policy';
import { AuditQueryDto } from './dto/audit-query.dto';

// The contract's AuditEvent as SQL (from audit_event, unaliased).
const AUDIT_EVENT_COLUMNS: ColumnsOf<AuditEvent> = {
  id: 'id',
  occurredAt: 'occurred_at',
  actorId: 'actor_id',
  actorEmail: 'actor_email',
  action: 'action',
  entityType: 'entity_type',
  entityId: 'entity_id',
  labId: 'lab_id',
  before: 'before',
  after: 'after',
};

const toAuditEvent = (row: RowOf<AuditEvent>): AuditEvent => ({
  ...(row as AuditEvent),
  id: String(row.id),
  occurredAt: new Date(row.occurredAt as Date).toISOString(),
});

// Reading the trail; writing it is AuditService.record, in the transaction of each change.
@Injectable()
export class AuditTrailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ProjectAccessPolicy,
  ) {}

  // Lab managers read the trail of their own lab, newest first.
  async list(principal: Principal | undefined, query: AuditQueryDto): Promise<Page<AuditEvent>> {
    this.policy.assertPortfolioReader(principal);
    if (principal.role !== 'lab_manager' || !principal.labId) {
      throw new ForbiddenException("Seul·e la ou le responsable d'un lab peut consulter son journal d'audit.");
    }
    if (query.lab && query.lab.toLowerCase() !== principal.labId) throw new NotFoundException(LAB_NOT_FOUND);
    const params: unknown[] = [principal.labId];
    const where = ['lab_id = $1'];
    if (query.entity) {
      params.push(query.entity);
      where.push(`entity_type = $${params.length}`);
    }
    if (query.entityId) {
      // Ids are stored as written (uuids in lower case); a plain comparison keeps the (entity_type, entity_id) index usable.
      params.push(query.entityId);
      where.push(`entity_id = $${params.length}`);
    }
    if (query.actor) where.push(`actor_id = $${params.push(query.actor.toLowerCase())}`);
    if (query.action) where.push(`action = $${params.push(query.action)}`);
    if (query.from && query.to && query.to < query.from) {
      throw new RequestValidationException([{ field: 'to', code: 'dateOrder', message: 'Le dernier jour ne peut pas précéder le premier.' }]);
    }
    // Whole days in Paris, both ends included.
    if (query.from) where.push(`occurred_at >= ($${params.push(query.from)}::date::timestamp AT TIME ZONE 'Europe/Paris')`);
    if (query.to) where.push(`occurred_at < (($${params.push(query.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')`);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const condition = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_event WHERE ${condition}`, params);
    const rows: RowOf<AuditEvent>[] = await this.dataSource.query(
      `SELECT ${selectList(AUDIT_EVENT_COLUMNS)}
       FROM audit_event WHERE ${condition} ORDER BY occurred_at DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: rows.map(toAuditEvent), total, page, pageSize };
  }
}
