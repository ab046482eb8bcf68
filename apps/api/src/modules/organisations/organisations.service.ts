import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Organisation, Page } from '@sillon/contracts';
import { EntityManager, QueryFailedError, Repository } from 'typeorm';
import { ProblemException } from '../../common/problem-details.filter';
import { everyWordIn } from '../../common/word-search';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../auth/principal';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { CreateOrganisationDto, OrganisationListQueryDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { pageOf } from './dto/page-query.dto';
import { OrganisationEntity } from './organisation.entity';
import { ORGANISATION_COLUMNS, toOrganisation } from './organisation-rows';

export const ORGANISATION_NOT_FOUND = "Cette organisation n'existe pas ou n'est pas accessible.";
const MANAGE_ONLY = 'Seul·e la ou le responsable du lab peut gérer ses organisations.';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    private readonly policy: ProjectAccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, query: OrganisationListQueryDto): Promise<Page<Organisation>> {
    const { page, pageSize, offset } = pageOf(query);
    const params: unknown[] = [];
    const where = [this.policy.labScope(principal, 'o.lab_id', params)];
    if (query.lab) where.push(`o.lab_id = $${params.push(query.lab)}`);
    if (query.type) where.push(`o.type = $${params.push(query.type)}`);
    const words = everyWordIn('o.search_text', query.q, params);
    if (words) where.push(words);
    const condition = where.join(' AND ');
    const [{ total }] = await this.organisations.query(`SELECT count(*)::int AS total FROM organisation o WHERE ${condition}`, params);
    const rows = await this.organisations.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE ${condition}
        ORDER BY o.name, o.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, offset],
    );
    return { items: rows.map(toOrganisation), total, page, pageSize };
  }

  async get(principal: Principal, id: string): Promise<Organisation> {
    return toOrganisation(await this.findVisibleRow(this.organisations.manager, principal, id));
  }

  async create(principal: Principal, dto: CreateOrganisationDto, ip?: string): Promise<Organisation> {
    if (principal.role !== 'lab_manager' || !principal.labId) throw new ForbiddenException(MANAGE_ONLY);
    const labId = principal.labId;
    return this.organisations.manager.transaction(async (manager) => {
      const [row] = await this.insertOrConflict(() =>
        manager.query(
          `INSERT INTO organisation (lab_id, name, type, siret, department) VALUES ($1, $2, $3, $4, $5)
           RETURNING id, lab_id, name, type, siret, department, version, created_at, updated_at`,
          [labId, dto.name, dto.type, dto.siret ?? null, dto.department ?? null],
        ),
      );
      const created = toOrganisation(row);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'create', entityType: 'organisation',
        entityId: created.id, labId, ip, after: created,
      });
      return created;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateOrganisationDto, ip?: string): Promise<Organisation> {
    return this.organisations.manager.transaction(async (manager) => {
      const before = toOrganisation(await this.findVisibleRow(manager, principal, id));
      if (!this.policy.isLabManagerOf(principal, before.labId)) throw new ForbiddenException(MANAGE_ONLY);
      const params: unknown[] = [id, dto.version];
      const sets: string[] = [];
      if (dto.name !== undefined) sets.push(`name = $${params.push(dto.name)}`);
      if (dto.type !== undefined) sets.push(`type = $${params.push(dto.type)}`);
      if (dto.siret !== undefined) sets.push(`siret = $${params.push(dto.siret)}`);
      if (dto.department !== undefined) sets.push(`department = $${params.push(dto.department)}`);
      // Conditional on the version the edit was based on: a stale edit overwrites nothing.
      const [rows] = await this.insertOrConflict(() =>
        manager.query(
          `UPDATE organisation o SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
            WHERE o.id = $1 AND o.version = $2 RETURNING ${ORGANISATION_COLUMNS}`,
          params,
        ),
      );
      if (!rows?.length) {
        const current = toOrganisation(await this.findVisibleRow(manager, principal, id));
        throw new ProblemException(409, "Cette organisation a été modifiée entre-temps : rechargez-la avant de l'enregistrer.", {
          current, code: 'stale-version',
        });
      }
      const after = toOrganisation(rows[0]);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'update', entityType: 'organisation',
        entityId: id, labId: after.labId, ip, before, after,
      });
      return after;
    });
  }

  // The organisation if the caller reads its lab, else 404.
  async findVisibleRow(manager: EntityManager, principal: Principal, id: string): Promise<Record<string, unknown>> {
    const params: unknown[] = [id];
    const scope = this.policy.labScope(principal, 'o.lab_id', params);
    const rows = await manager.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE o.id = $1 AND ${scope}`, params);
    if (!rows[0]) throw new NotFoundException(ORGANISATION_NOT_FOUND);
    return rows[0];
  }

  private async insertOrConflict<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const pg = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
      if (pg?.code === '23505' && pg.constraint === 'organisation_lab_siret_key') {
        throw new ProblemException(409, 'Une organisation de ce lab porte déjà ce SIRET.', {
          code: 'duplicate-siret',
          errors: [{ field: 'siret', code: 'unique', message: 'Ce SIRET est déjà enregistré dans ce lab.' }],
        });
      }
      throw error;
    }
  }
}
