import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, FieldError, Page, Role, User, UserSort } from '@sillon/contracts';
import { EntityManager, Repository } from 'typeorm';
import { ProblemException } from '../../common/problem-details.filter';
import { everyWordIn } from '../../common/word-search';
import { AuditService } from '../audit/audit.service';
import { PasswordService } from '../auth/password.service';
import { Principal } from '../auth/principal';
import { SessionService } from '../auth/session.service';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserListQueryDto } from './dto/user-list-query.dto';
import { USER_NOT_FOUND, UserAccessPolicy } from './user-access.policy';
import { toUser, USER_SELECT, UserRow } from './user.mapper';
import { UserEntity } from './user.entity';

// Who made a change: a signed-in admin, or the command line (no principal).
export interface ChangeContext {
  principal: Principal | null;
  ip: string | null;
}

interface Scope {
  role: Role;
  labId: string | null;
  regionId: string | null;
}

const SORT_COLUMNS: Record<string, string> = { displayName: 'lower(u.display_name)', email: 'lower(u.email)', createdAt: 'u.created_at' };
const LAB_ROLES: Role[] = ['project_lead', 'lab_manager'];

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly policy: UserAccessPolicy,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async listInReach(principal: Principal, query: UserListQueryDto): Promise<Page<User>> {
    this.policy.assertCanRead(principal);
    const params: unknown[] = [];
    const where = [this.policy.readScope(principal, 'u', params)];
    const add = (condition: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(condition(params.length));
    };
    if (query.role) add((n) => `u.role = $${n}`, query.role);
    if (query.labId) add((n) => `u.lab_id = $${n}`, query.labId);
    if (query.regionId) add((n) => `COALESCE(u.region_id, l.region_id) = $${n}`, query.regionId);
    if (query.active !== undefined) add((n) => `u.active = $${n}`, query.active);
    const words = everyWordIn(`immutable_unaccent(lower(u.display_name || ' ' || u.email))`, query.q, params);
    if (words) where.push(words);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const sort: UserSort = query.sort ?? 'displayName';
    const column = SORT_COLUMNS[sort.replace(/^-/, '')];
    const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
    const filtered = `${USER_SELECT} WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.users.query(`SELECT count(*)::int AS total FROM (${filtered}) f`, params);
    const rows: UserRow[] = await this.users.query(
      `${filtered} ORDER BY ${column} ${direction}, u.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: rows.map(toUser), total, page, pageSize };
  }

  async findInReach(principal: Principal, id: string): Promise<User> {
    this.policy.assertCanRead(principal);
    const params: unknown[] = [id];
    const [row] = await this.users.query(`${USER_SELECT} WHERE u.id = $1 AND ${this.policy.readScope(principal, 'u', params)}`, params);
    if (!row) throw new ProblemException(HttpStatus.NOT_FOUND, USER_NOT_FOUND);
    return toUser(row);
  }

  async create(dto: CreateUserDto, context: ChangeContext): Promise<User> {
    if (context.principal) this.policy.assertCanManage(context.principal);
    const passwordHash = await this.passwords.hash(dto.password);
    return this.users.manager.transaction(async (manager) => {
      const scope = await this.checkedScope(manager, { role: dto.role, labId: dto.labId ?? null, regionId: dto.regionId ?? null });
      await this.assertEmailFree(manager, dto.email);
      const [{ id }] = await manager.query(
        `INSERT INTO app_user (email, display_name, role, lab_id, region_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [dto.email.trim(), dto.displayName.trim(), scope.role, scope.labId, scope.regionId, passwordHash],
      );
      const user = await this.byId(manager, id);
      await this.audit.record(manager, { ...actor(context), action: 'create', entityType: 'user', entityId: id, labId: user.labId, after: user });
      return user;
    });
  }

  async update(id: string, dto: UpdateUserDto, context: ChangeContext & { principal: Principal }): Promise<User> {
    const { principal } = context;
    await this.findInReach(principal, id);
    this.policy.assertCanManage(principal);
    this.policy.assertNotSelfLockout(principal, id, dto);
    const passwordHash = dto.password !== undefined ? await this.passwords.hash(dto.password) : undefined;
    return this.users.manager.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
      const before = await this.byId(manager, id);
      if (before.version !== dto.version) throw this.stale(before);
      const role = dto.role ?? before.role;
      const keepsLab = LAB_ROLES.includes(role) && LAB_ROLES.includes(before.role);
      const scope = await this.checkedScope(manager, {
        role,
        labId: dto.labId !== undefined ? dto.labId : keepsLab ? before.labId : null,
        // A lab role's regionId in User is derived from its lab: only a director's is kept.
        regionId: dto.regionId !== undefined ? dto.regionId : role === 'regional_director' && before.role === role ? before.regionId : null,
      });
      const params: unknown[] = [id, dto.version, scope.role, scope.labId, scope.regionId];
      const sets = ['version = version + 1', 'updated_at = now()', 'role = $3', 'lab_id = $4', 'region_id = $5'];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (dto.displayName !== undefined) set('display_name', dto.displayName.trim());
      if (dto.active !== undefined) set('active', dto.active);
      if (passwordHash !== undefined) set('password_hash', passwordHash);
      const [updated] = await manager.query(`UPDATE app_user SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING id`, params);
      if (updated.length === 0) throw this.stale(await this.byId(manager, id));
      const after = await this.byId(manager, id);
      // A narrower reach, a deactivation or a new password takes effect on the next request.
      const reachChanged = after.role !== before.role || after.labId !== before.labId || after.regionId !== before.regionId;
      if (reachChanged || !after.active || passwordHash !== undefined) await this.sessions.destroyAllOfUser(manager, id);
      await this.audit.record(manager, {
        ...actor(context),
        action: 'update',
        entityType: 'user',
        entityId: id,
        labId: after.labId ?? before.labId,
        before,
        after: passwordHash !== undefined ? { ...after, passwordChanged: true } : after,
      });
      return after;
    });
  }

  // Accounts are never deleted (the audit trail refers to them): DELETE deactivates.
  async deactivate(id: string, context: ChangeContext & { principal: Principal }): Promise<User> {
    const { principal } = context;
    await this.findInReach(principal, id);
    this.policy.assertCanManage(principal);
    this.policy.assertNotSelfLockout(principal, id, { active: false });
    return this.users.manager.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
      const before = await this.byId(manager, id);
      if (!before.active) return before;
      await manager.query(`UPDATE app_user SET active = false, version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      await this.sessions.destroyAllOfUser(manager, id);
      const after = await this.byId(manager, id);
      await this.audit.record(manager, { ...actor(context), action: 'deactivate', entityType: 'user', entityId: id, labId: after.labId, before, after });
      return after;
    });
  }

  async emailTaken(email: string): Promise<boolean> {
    const [row] = await this.users.query(`SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [email.trim()]);
    return !!row;
  }

  private async byId(manager: EntityManager, id: string): Promise<User> {
    const [row] = await manager.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
    if (!row) throw new ProblemException(HttpStatus.NOT_FOUND, USER_NOT_FOUND);
    return toUser(row);
  }

  private stale(current: User): ProblemException {
    return new ProblemException(
      HttpStatus.CONFLICT,
      "Ce compte a été modifié entre-temps par quelqu'un d'autre. Rechargez-le pour repartir de la dernière version.",
      { current, code: 'stale_version' },
    );
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    const [row] = await manager.query(`SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [email.trim()]);
    if (row) throw new ProblemException(HttpStatus.CONFLICT, 'Un compte existe déjà avec cette adresse e-mail.', { code: 'duplicate_email' });
  }

  // A lab role needs an existing lab, a director an existing region, an admin neither.
  private async checkedScope(manager: EntityManager, scope: Scope): Promise<Scope> {
    const errors: FieldError[] = [];
    const needsLab = LAB_ROLES.includes(scope.role);
    const needsRegion = scope.role === 'regional_director';
    if (needsLab && !scope.labId) errors.push({ field: 'labId', message: 'Un lab est obligatoire pour ce rôle.', code: 'isNotEmpty' });
    if (!needsLab && scope.labId) errors.push({ field: 'labId', message: "Ce rôle n'est rattaché à aucun lab.", code: 'notAllowedForRole' });
    if (needsRegion && !scope.regionId) errors.push({ field: 'regionId', message: 'Une région est obligatoire pour ce rôle.', code: 'isNotEmpty' });
    if (!needsRegion && scope.regionId) errors.push({ field: 'regionId', message: "Ce rôle n'est rattaché à aucune région.", code: 'notAllowedForRole' });
    if (errors.length === 0 && scope.labId) {
      const [lab] = await manager.query(`SELECT 1 FROM lab WHERE id = $1`, [scope.labId]);
      if (!lab) errors.push({ field: 'labId', message: "Ce lab n'existe pas.", code: 'unknownLab' });
    }
    if (errors.length === 0 && scope.regionId) {
      const [region] = await manager.query(`SELECT 1 FROM region WHERE id = $1`, [scope.regionId]);
      if (!region) errors.push({ field: 'regionId', message: "Cette région n'existe pas.", code: 'unknownRegion' });
    }
    if (errors.length > 0) throw new ProblemException(HttpStatus.BAD_REQUEST, 'La requête contient des données invalides.', { errors });
    return scope;
  }
}

function actor(context: ChangeContext) {
  return { actorId: context.principal?.userId ?? null, actorEmail: context.principal?.email ?? 'cli', ip: context.ip };
}

