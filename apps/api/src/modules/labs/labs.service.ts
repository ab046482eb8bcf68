import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Lab, Region } from '@sillon/contracts';
import { EntityManager, Repository } from 'typeorm';
import { ProblemException } from '../../common/problem-details.filter';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { ColumnChanges, staleVersion, updateVersioned } from '../audit/versioned-update';
import { CreateLabDto, CreateRegionDto, UpdateLabDto, UpdateRegionDto } from './dto/lab.dto';
import { LabDirectoryPolicy, LAB_NOT_FOUND, REGION_NOT_FOUND } from './lab-directory.policy';
import { LAB_SELECT, LabRow, toLab, toRegion } from './lab.mapper';
import { LabEntity } from './lab.entity';
import { RegionEntity } from './region.entity';

const LAB_STALE = "Ce lab a été modifié entre-temps par quelqu'un d'autre. Rechargez-le pour repartir de la dernière version.";

export interface AuditContext {
  principal: Principal;
  ip: string;
}

@Injectable()
export class LabsService {
  constructor(
    @InjectRepository(LabEntity) private readonly labs: Repository<LabEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    private readonly policy: LabDirectoryPolicy,
    private readonly audit: AuditService,
  ) {}

  async listRegionsInReach(principal: Principal): Promise<Region[]> {
    const params: unknown[] = [];
    const rows = await this.regions.query(
      `SELECT r.id, r.name FROM region r WHERE ${this.policy.regionScope(principal, 'r', params)} ORDER BY r.name`,
      params,
    );
    return rows.map(toRegion);
  }

  async findRegionInReach(principal: Principal, id: string): Promise<Region> {
    const params: unknown[] = [id];
    const [row] = await this.regions.query(
      `SELECT r.id, r.name FROM region r WHERE r.id = $1 AND ${this.policy.regionScope(principal, 'r', params)}`,
      params,
    );
    if (!row) throw new ProblemException(HttpStatus.NOT_FOUND, REGION_NOT_FOUND);
    return toRegion(row);
  }

  async createRegion(dto: CreateRegionDto, context: AuditContext): Promise<Region> {
    this.policy.assertAdmin(context.principal);
    return this.regions.manager.transaction(async (manager) => {
      await this.assertRegionNameFree(manager, dto.name);
      const [row] = await manager.query(`INSERT INTO region (name) VALUES ($1) RETURNING id, name`, [dto.name.trim()]);
      const region = toRegion(row);
      await this.audit.record(manager, { ...this.actor(context), action: 'create', entityType: 'region', entityId: region.id, after: region });
      return region;
    });
  }

  async updateRegion(id: string, dto: UpdateRegionDto, context: AuditContext): Promise<Region> {
    // Outside the caller's reach: 404; visible but not theirs to change: 403.
    await this.findRegionInReach(context.principal, id);
    this.policy.assertAdmin(context.principal);
    return this.regions.manager.transaction(async (manager) => {
      const [before] = await manager.query(`SELECT id, name FROM region WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw new ProblemException(HttpStatus.NOT_FOUND, REGION_NOT_FOUND);
      await this.assertRegionNameFree(manager, dto.name, id);
      const [[row]] = await manager.query(`UPDATE region SET name = $2 WHERE id = $1 RETURNING id, name`, [id, dto.name.trim()]);
      const region = toRegion(row);
      await this.audit.record(manager, { ...this.actor(context), action: 'update', entityType: 'region', entityId: id, before: toRegion(before), after: region });
      return region;
    });
  }

  async listLabsInReach(principal: Principal, regionId?: string): Promise<Lab[]> {
    const params: unknown[] = [];
    const conditions = [this.policy.labScope(principal, 'l', params)];
    if (regionId) {
      params.push(regionId);
      conditions.push(`l.region_id = $${params.length}`);
    }
    const rows: LabRow[] = await this.labs.query(`${LAB_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY l.name`, params);
    return rows.map(toLab);
  }

  async findLabInReach(principal: Principal, id: string): Promise<Lab> {
    const params: unknown[] = [id];
    const [row] = await this.labs.query(`${LAB_SELECT} WHERE l.id = $1 AND ${this.policy.labScope(principal, 'l', params)}`, params);
    if (!row) throw new ProblemException(HttpStatus.NOT_FOUND, LAB_NOT_FOUND);
    return toLab(row);
  }

  async createLab(dto: CreateLabDto, context: AuditContext): Promise<Lab> {
    this.policy.assertAdmin(context.principal);
    return this.labs.manager.transaction(async (manager) => {
      await this.assertRegionExists(manager, dto.regionId);
      await this.assertLabFree(manager, dto.name, dto.code);
      const [{ id }] = await manager.query(`INSERT INTO lab (name, code, region_id, departments) VALUES ($1, $2, $3, $4) RETURNING id`, [
        dto.name.trim(),
        dto.code,
        dto.regionId,
        unique(dto.departments ?? []),
      ]);
      const lab = await this.labById(manager, id);
      await this.audit.record(manager, { ...this.actor(context), action: 'create', entityType: 'lab', entityId: id, labId: id, after: lab });
      return lab;
    });
  }

  async updateLab(id: string, dto: UpdateLabDto, context: AuditContext): Promise<Lab> {
    await this.findLabInReach(context.principal, id);
    this.policy.assertAdmin(context.principal);
    return this.labs.manager.transaction(async (manager) => {
      const [locked] = await manager.query(`SELECT id FROM lab WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) throw new ProblemException(HttpStatus.NOT_FOUND, LAB_NOT_FOUND);
      const before = await this.labById(manager, id);
      if (before.version !== dto.version) throw staleVersion(LAB_STALE, before);
      if (dto.regionId !== undefined) await this.assertRegionExists(manager, dto.regionId);
      if (dto.name !== undefined || dto.code !== undefined) await this.assertLabFree(manager, dto.name, dto.code, id);
      const changes = new ColumnChanges();
      if (dto.name !== undefined) changes.set('name', dto.name.trim());
      if (dto.code !== undefined) changes.set('code', dto.code);
      if (dto.regionId !== undefined) changes.set('region_id', dto.regionId);
      if (dto.departments !== undefined) changes.set('departments', unique(dto.departments));
      return updateVersioned(manager, this.audit, {
        table: 'lab',
        id,
        version: dto.version,
        changes,
        before,
        read: () => this.labById(manager, id),
        staleDetail: LAB_STALE,
        audit: () => ({ ...this.actor(context), action: 'update', entityType: 'lab', entityId: id, labId: id }),
      });
    });
  }

  private async labById(manager: EntityManager, id: string): Promise<Lab> {
    const [row] = await manager.query(`${LAB_SELECT} WHERE l.id = $1`, [id]);
    return toLab(row);
  }

  private async assertRegionExists(manager: EntityManager, regionId: string): Promise<void> {
    const [row] = await manager.query(`SELECT 1 FROM region WHERE id = $1`, [regionId]);
    if (!row) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'La requête contient des données invalides.', {
        errors: [{ field: 'regionId', message: "Cette région n'existe pas.", code: 'unknownRegion' }],
      });
    }
  }

  private async assertRegionNameFree(manager: EntityManager, name: string, exceptId?: string): Promise<void> {
    const [row] = await manager.query(`SELECT 1 FROM region WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2`, [name.trim(), exceptId ?? null]);
    if (row) throw new ProblemException(HttpStatus.CONFLICT, 'Une région porte déjà ce nom.', { code: 'duplicate_region' });
  }

  private async assertLabFree(manager: EntityManager, name: string | undefined, code: string | undefined, exceptId?: string): Promise<void> {
    const [row] = await manager.query(
      `SELECT 1 FROM lab WHERE (lower(name) = lower($1) OR code = $2) AND id IS DISTINCT FROM $3`,
      [name?.trim() ?? null, code ?? null, exceptId ?? null],
    );
    if (row) throw new ProblemException(HttpStatus.CONFLICT, 'Un lab porte déjà ce nom ou ce code.', { code: 'duplicate_lab' });
  }

  private actor(context: AuditContext) {
    return { actorId: context.principal.userId, actorEmail: context.principal.email, ip: context.ip };
  }
}

const unique = (values: string[]) => [...new Set(values)];
