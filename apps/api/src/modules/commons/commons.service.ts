import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProjectCommon } from '@sillon/contracts';
import { EntityManager, Repository } from 'typeorm';
import { Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { assertNotArchived, findVisibleProject, ProjectRef } from '../access/visible-project';
import { AuditService } from '../audit/audit.service';
import { ColumnChanges, staleVersion, updateVersioned } from '../audit/versioned-update';
import { COMMON_COLUMNS, toCommon } from './common-rows';
import { CommonReuseDto, CreateCommonDto, UpdateCommonDto } from './dto/common.dto';
import { ProjectCommonEntity } from './project-common.entity';

export const COMMON_NOT_FOUND = "Ce commun n'existe pas ou n'est pas accessible.";

// The commons a project publishes: read by whoever reads the project, written by whoever may write it.
@Injectable()
export class CommonsService {
  constructor(
    @InjectRepository(ProjectCommonEntity) private readonly commons: Repository<ProjectCommonEntity>,
    private readonly policy: ProjectAccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async forProject(principal: Principal, projectId: string): Promise<ProjectCommon[]> {
    const project = await findVisibleProject(this.commons.manager, this.policy, principal, projectId);
    const rows = await this.commons.query(
      `SELECT ${COMMON_COLUMNS} FROM project_common c WHERE c.project_id = $1 ORDER BY c.published_on, c.title, c.id`,
      [project.id],
    );
    return rows.map(toCommon);
  }

  async create(principal: Principal, projectId: string, dto: CreateCommonDto, ip?: string): Promise<ProjectCommon> {
    return this.commons.manager.transaction(async (manager) => {
      const project = await this.writableProject(manager, principal, projectId);
      const [{ id }] = await manager.query(
        `INSERT INTO project_common (lab_id, project_id, title, kind, licence, url, published_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [project.labId, project.id, dto.title.trim(), dto.kind, dto.licence, dto.url, dto.publishedOn],
      );
      await this.writeReuses(manager, project.labId, id, dto.reuses ?? []);
      const created = await this.findVisible(manager, principal, id);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'create', entityType: 'project_common',
        entityId: id, labId: project.labId, ip, after: created,
      });
      return created;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateCommonDto, ip?: string): Promise<ProjectCommon> {
    return this.commons.manager.transaction(async (manager) => {
      const before = await this.findVisible(manager, principal, id);
      await this.writableProject(manager, principal, before.projectId);
      const changes = new ColumnChanges();
      if (dto.title !== undefined) changes.set('title', dto.title.trim());
      if (dto.kind !== undefined) changes.set('kind', dto.kind);
      if (dto.licence !== undefined) changes.set('licence', dto.licence);
      if (dto.url !== undefined) changes.set('url', dto.url);
      if (dto.publishedOn !== undefined) changes.set('published_on', dto.publishedOn, 'date');
      const staleDetail = "Ce commun a été modifié entre-temps : rechargez-le avant de l'enregistrer.";
      // Conditional on the version the edit was based on: a stale edit overwrites nothing. The reuses
      // are replaced first, so that the answer and the audit event carry them; should the versioned
      // update still find the row changed, the transaction rolls them back.
      if (before.version !== dto.version) throw staleVersion(staleDetail, before);
      if (dto.reuses !== undefined) {
        await manager.query(`DELETE FROM common_reuse WHERE common_id = $1`, [id]);
        await this.writeReuses(manager, before.labId, id, dto.reuses);
      }
      return updateVersioned(manager, this.audit, {
        table: 'project_common', id, version: dto.version, changes, before, staleDetail,
        read: () => this.findVisible(manager, principal, id),
        audit: (after) => ({
          actorId: principal.userId, actorEmail: principal.email, action: 'update', entityType: 'project_common',
          entityId: id, labId: after.labId, ip,
        }),
      });
    });
  }

  async remove(principal: Principal, id: string, ip?: string): Promise<void> {
    await this.commons.manager.transaction(async (manager) => {
      const before = await this.findVisible(manager, principal, id);
      await this.writableProject(manager, principal, before.projectId);
      await manager.query(`DELETE FROM project_common WHERE id = $1`, [id]);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'delete', entityType: 'project_common',
        entityId: id, labId: before.labId, ip, before,
      });
    });
  }

  private async writableProject(manager: EntityManager, principal: Principal, projectId: string): Promise<ProjectRef> {
    const project = await findVisibleProject(manager, this.policy, principal, projectId, 'share');
    this.policy.assertCanWrite(principal, project);
    assertNotArchived(project);
    return project;
  }

  private async writeReuses(manager: EntityManager, labId: string, commonId: string, reuses: CommonReuseDto[]): Promise<void> {
    if (!reuses.length) return;
    await manager.query(
      `INSERT INTO common_reuse (lab_id, common_id, position, territory, department, since, note)
       SELECT $1, $2, r.position, r.territory, r.department, r.since, r.note
         FROM unnest($3::smallint[], $4::varchar[], $5::varchar[], $6::date[], $7::varchar[]) AS r(position, territory, department, since, note)`,
      [
        labId, commonId,
        reuses.map((_, i) => i + 1),
        reuses.map((r) => r.territory.trim()),
        reuses.map((r) => r.department ?? null),
        reuses.map((r) => r.since),
        reuses.map((r) => (r.note?.trim() ? r.note.trim() : null)),
      ],
    );
  }

  private async findVisible(manager: EntityManager, principal: Principal, id: string): Promise<ProjectCommon> {
    const params: unknown[] = [id];
    const scope = this.policy.labScope(principal, 'c.lab_id', params);
    const rows = await manager.query(`SELECT ${COMMON_COLUMNS} FROM project_common c WHERE c.id = $1 AND ${scope}`, params);
    if (!rows[0]) throw new NotFoundException(COMMON_NOT_FOUND);
    return toCommon(rows[0]);
  }
}
