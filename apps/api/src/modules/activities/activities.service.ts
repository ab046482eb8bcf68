import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACTIVITY_ACTOR_TYPES, ActivityExportQuery, ActivityListQuery, FieldError, LabActivity, Page } from '@sillon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { jsonObjects, JsonText, pageJson } from '../../common/json-text';
import { pageOf } from '../../common/page-query.dto';
import { ProblemException } from '../../common/problem-details.filter';
import { everyWordIn } from '../../common/word-search';
import { Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { AuditService } from '../audit/audit.service';
import { ColumnChanges, staleVersion, updateVersioned } from '../audit/versioned-update';
import { CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import { ACTIVITY_FIELDS, ACTIVITY_ORDER, attendanceColumn, FROM_ACTIVITY } from './activity-rows';

export const ACTIVITY_NOT_FOUND = "Cette activité n'existe pas ou n'est pas accessible.";
const STALE = "Cette activité a été modifiée entre-temps : rechargez-la avant de l'enregistrer.";
// An export holds at most this many activities (a lab records a few hundred a year).
export const MAX_EXPORTED_ACTIVITIES = 50_000;

const invalid = (errors: FieldError[]) => new ProblemException(400, 'La requête contient des données invalides.', { errors });

@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ProjectAccessPolicy,
    private readonly audit: AuditService,
  ) {}

  // The caller's activities as the filters select them, most recent first: count and page in one statement.
  async list(principal: Principal, query: ActivityListQuery): Promise<JsonText<Page<LabActivity>>> {
    const { page, pageSize } = pageOf(query);
    const params: unknown[] = [];
    const condition = this.conditions(principal, query, params);
    const body = pageJson(params, { page, pageSize }, ({ limit, offset }) => ({
      items: `SELECT ${ACTIVITY_FIELDS} ${FROM_ACTIVITY} WHERE ${condition} ORDER BY ${ACTIVITY_ORDER} LIMIT ${limit} OFFSET ${offset}`,
      total: `SELECT count(*)::int FROM lab_activity a WHERE ${condition}`,
    }));
    const [row] = await this.dataSource.query(`SELECT ${body} AS body`, params);
    return new JsonText(row.body);
  }

  // Every activity the filters select, for the exports.
  async exportRows(principal: Principal, query: ActivityExportQuery): Promise<LabActivity[]> {
    const params: unknown[] = [];
    const condition = this.conditions(principal, query, params);
    const rows: { activity: LabActivity }[] = await this.dataSource.query(
      jsonObjects(`SELECT ${ACTIVITY_FIELDS} ${FROM_ACTIVITY} WHERE ${condition} ORDER BY ${ACTIVITY_ORDER} LIMIT ${MAX_EXPORTED_ACTIVITIES}`, 'activity'),
      params,
    );
    return rows.map((r) => r.activity);
  }

  get(principal: Principal, id: string): Promise<LabActivity> {
    return this.findVisible(this.dataSource.manager, principal, id);
  }

  // Lab managers and project leads record their lab's activities.
  async create(principal: Principal, dto: CreateActivityDto, ip?: string): Promise<LabActivity> {
    if ((principal.role !== 'lab_manager' && principal.role !== 'project_lead') || !principal.labId) {
      throw new ForbiddenException(
        principal.role === 'regional_director'
          ? 'La direction régionale consulte les activités mais ne les modifie pas.'
          : 'Seules les personnes rattachées à un lab peuvent enregistrer une activité.',
      );
    }
    const labId = principal.labId;
    return this.dataSource.transaction(async (manager) => {
      const projectIds = unique(dto.projectIds);
      const facilitatorIds = unique(dto.facilitatorIds);
      const errors = [
        ...dateErrors(dto.startsOn, dto.endsOn ?? null),
        ...(await this.linkErrors(manager, labId, projectIds, facilitatorIds)),
      ];
      if (errors.length) throw invalid(errors);
      const attendance = ACTIVITY_ACTOR_TYPES.map((type) => dto.attendance?.[type] ?? 0);
      const columns = ACTIVITY_ACTOR_TYPES.map(attendanceColumn).join(', ');
      const [{ id }] = await manager.query(
        `INSERT INTO lab_activity (lab_id, title, kind, starts_on, ends_on, place, description, created_by, ${columns})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${attendance.map((_, i) => `$${i + 9}`).join(', ')}) RETURNING id`,
        [labId, dto.title, dto.kind, dto.startsOn, dto.endsOn ?? null, blankToNull(dto.place), blankToNull(dto.description), principal.userId, ...attendance],
      );
      await this.writeLinks(manager, id, projectIds, facilitatorIds);
      const created = await this.findVisible(manager, principal, id);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'create', entityType: 'lab_activity',
        entityId: id, labId, ip, after: created,
      });
      return created;
    });
  }

  // Conditional on the version the edit was based on; lists given replace the current links.
  async update(principal: Principal, id: string, dto: UpdateActivityDto, ip?: string): Promise<LabActivity> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.findVisible(manager, principal, id);
      this.assertCanChange(principal, before);
      const projectIds = dto.projectIds === undefined ? undefined : unique(dto.projectIds);
      const facilitatorIds = dto.facilitatorIds === undefined ? undefined : unique(dto.facilitatorIds);
      const errors = [
        ...dateErrors(dto.startsOn ?? before.startsOn, dto.endsOn !== undefined ? dto.endsOn : before.endsOn),
        ...(await this.linkErrors(manager, before.labId, projectIds ?? [], facilitatorIds ?? [])),
      ];
      if (errors.length) throw invalid(errors);
      // The row is held until the end: links are replaced only on the version the edit was based on.
      const [locked] = await manager.query(`SELECT version FROM lab_activity WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) throw new NotFoundException(ACTIVITY_NOT_FOUND);
      if (locked.version !== dto.version) throw staleVersion(STALE, await this.findVisible(manager, principal, id));
      const changes = new ColumnChanges();
      if (dto.title !== undefined) changes.set('title', dto.title);
      if (dto.kind !== undefined) changes.set('kind', dto.kind);
      if (dto.startsOn !== undefined) changes.set('starts_on', dto.startsOn, 'date');
      if (dto.endsOn !== undefined) changes.set('ends_on', dto.endsOn, 'date');
      if (dto.place !== undefined) changes.set('place', blankToNull(dto.place));
      if (dto.description !== undefined) changes.set('description', blankToNull(dto.description));
      for (const type of ACTIVITY_ACTOR_TYPES) {
        const value = dto.attendance?.[type];
        if (value !== undefined) changes.set(attendanceColumn(type), value, 'int');
      }
      if (projectIds) await manager.query(`DELETE FROM lab_activity_project WHERE activity_id = $1`, [id]);
      if (facilitatorIds) await manager.query(`DELETE FROM lab_activity_facilitator WHERE activity_id = $1`, [id]);
      await this.writeLinks(manager, id, projectIds ?? [], facilitatorIds ?? []);
      return updateVersioned(manager, this.audit, {
        table: 'lab_activity', id, version: dto.version, changes, before,
        read: () => this.findVisible(manager, principal, id),
        staleDetail: STALE,
        audit: (after) => ({
          actorId: principal.userId, actorEmail: principal.email, action: 'update', entityType: 'lab_activity',
          entityId: id, labId: after.labId, ip,
        }),
      });
    });
  }

  async remove(principal: Principal, id: string, ip?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.findVisible(manager, principal, id);
      this.assertCanChange(principal, before);
      await manager.query(`DELETE FROM lab_activity WHERE id = $1`, [id]);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'delete', entityType: 'lab_activity',
        entityId: id, labId: before.labId, ip, before,
      });
    });
  }

  // The lab manager changes every activity of the lab; a project lead those they recorded.
  private assertCanChange(principal: Principal, activity: LabActivity): void {
    if (this.policy.isLabManagerOf(principal, activity.labId)) return;
    if (principal.role === 'project_lead' && principal.labId === activity.labId && activity.createdBy === principal.userId) return;
    throw new ForbiddenException(
      principal.role === 'regional_director'
        ? 'La direction régionale consulte les activités mais ne les modifie pas.'
        : "Seul·e la personne qui a enregistré cette activité ou la ou le responsable du lab peut la modifier.",
    );
  }

  private conditions(principal: Principal, query: ActivityListQuery, params: unknown[]): string {
    if (query.from && query.to && query.to < query.from) {
      throw invalid([{ field: 'to', code: 'dateOrder', message: 'La fin de la période ne peut pas précéder son début.' }]);
    }
    // The caller's reach, always; row-level security keeps it too.
    const where = [this.policy.labScope(principal, 'a.lab_id', params)];
    if (query.lab) where.push(`a.lab_id = $${params.push(query.lab)}::uuid`);
    if (query.kind) where.push(`a.kind = $${params.push(query.kind)}`);
    if (query.from) where.push(`a.starts_on >= $${params.push(query.from)}::date`);
    if (query.to) where.push(`a.starts_on <= $${params.push(query.to)}::date`);
    if (query.project) {
      where.push(`EXISTS (SELECT 1 FROM lab_activity_project ap WHERE ap.activity_id = a.id AND ap.project_id = $${params.push(query.project)}::uuid)`);
    }
    const words = everyWordIn('a.search_text', query.q, params);
    if (words) where.push(words);
    return where.join(' AND ');
  }

  private async findVisible(manager: EntityManager, principal: Principal, id: string): Promise<LabActivity> {
    const params: unknown[] = [id];
    const scope = this.policy.labScope(principal, 'a.lab_id', params);
    const rows: { activity: LabActivity }[] = await manager.query(
      jsonObjects(`SELECT ${ACTIVITY_FIELDS} ${FROM_ACTIVITY} WHERE a.id = $1 AND ${scope}`, 'activity'),
      params,
    );
    if (!rows[0]) throw new NotFoundException(ACTIVITY_NOT_FOUND);
    return rows[0].activity;
  }

  // Linked projects and facilitators belong to the activity's lab; any other id is named in its field.
  private async linkErrors(manager: EntityManager, labId: string, projectIds: string[], facilitatorIds: string[]): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (projectIds.length) {
      const found: { id: string }[] = await manager.query(`SELECT id FROM project WHERE id = ANY($1::uuid[]) AND lab_id = $2`, [projectIds, labId]);
      if (found.length !== projectIds.length) {
        errors.push({ field: 'projectIds', code: 'unknownReference', message: "Un des projets n'existe pas dans le lab de l'activité." });
      }
    }
    if (facilitatorIds.length) {
      const found: { id: string }[] = await manager.query(`SELECT id FROM organisation WHERE id = ANY($1::uuid[]) AND lab_id = $2`, [facilitatorIds, labId]);
      if (found.length !== facilitatorIds.length) {
        errors.push({ field: 'facilitatorIds', code: 'unknownReference', message: "Une des organisations n'existe pas dans le lab de l'activité." });
      }
    }
    return errors;
  }

  private async writeLinks(manager: EntityManager, id: string, projectIds: string[], facilitatorIds: string[]): Promise<void> {
    if (projectIds.length) {
      await manager.query(`INSERT INTO lab_activity_project (activity_id, project_id) SELECT $1, unnest($2::uuid[])`, [id, projectIds]);
    }
    if (facilitatorIds.length) {
      await manager.query(`INSERT INTO lab_activity_facilitator (activity_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [id, facilitatorIds]);
    }
  }
}

// Ids in lower case, each once.
const unique = (ids: string[] | undefined): string[] => [...new Set((ids ?? []).map((id) => id.toLowerCase()))];

const blankToNull = (text: string | null | undefined): string | null => (text === undefined || text === null || text.trim() === '' ? null : text.trim());

export function dateErrors(startsOn: string, endsOn: string | null): FieldError[] {
  return endsOn && endsOn < startsOn
    ? [{ field: 'endsOn', code: 'dateOrder', message: 'La date de fin ne peut pas précéder la date de début.' }]
    : [];
}
