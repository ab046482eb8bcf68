import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_PAGE_SIZE,
  Project,
  ProjectListQuery,
  ProjectPage,
  ProjectSortField,
} from '@sillon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { jsonObjects, JsonText, pageJson } from '../../common/json-text';
import { PreparedStatements } from '../../database/prepared-statements';
import { ProblemException } from '../../common/problem-details.filter';
import { RequestValidationException } from '../../common/validation-errors';
import { isUuid } from '../../common/uuid-param.pipe';
import { everyWordIn } from '../../common/word-search';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { ColumnChanges, staleVersion, updateVersioned } from '../audit/versioned-update';
import { CreateProjectDto } from './dto/create-project.dto';
import { UpdateProjectDto } from './dto/update-project.dto';
import { ProjectAccessPolicy, PROJECT_NOT_FOUND } from '../access/project-access.policy';
import { findVisibleProject } from '../access/visible-project';
import { formatProjectCode, parisYear } from './project-code';
import { PROJECT_EXPORT_FIELDS, PROJECT_FIELDS, PROJECT_FROM, PROJECT_LIST_FIELDS, ProjectExportRow } from './project.mapper';

const SORT_COLUMNS: Record<ProjectSortField, string> = {
  name: 'immutable_unaccent(lower(p.name))',
  code: 'p.code',
  updatedAt: 'p.updated_at',
  stageEnteredAt: 'p.stage_entered_at',
  startDate: 'p.start_date',
};

// Columns a PATCH may set, with the SQL cast of their parameter.
const UPDATABLE: { field: keyof UpdateProjectDto; column: string; cast: string }[] = [
  { field: 'name', column: 'name', cast: 'varchar' },
  { field: 'summary', column: 'summary', cast: 'varchar' },
  { field: 'themes', column: 'themes', cast: 'varchar[]' },
  { field: 'health', column: 'health', cast: 'varchar' },
  { field: 'healthComment', column: 'health_comment', cast: 'varchar' },
  { field: 'leadId', column: 'lead_id', cast: 'uuid' },
  { field: 'departments', column: 'departments', cast: 'varchar[]' },
  { field: 'communes', column: 'communes', cast: 'varchar[]' },
  { field: 'startDate', column: 'start_date', cast: 'date' },
  { field: 'isPublic', column: 'is_public', cast: 'boolean' },
];

export const PROJECT_STALE = "Ce projet a été modifié entre-temps par quelqu'un d'autre. Rechargez-le pour repartir de la dernière version.";

export interface RequestContext {
  ip?: string | null;
}

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ProjectAccessPolicy,
    private readonly audit: AuditService,
    private readonly statements: PreparedStatements,
  ) {}

  // The scope check and the contract read in one statement: same rule as findVisibleProject.
  async get(principal: Principal | undefined, projectId: string): Promise<Project> {
    this.policy.assertPortfolioReader(principal);
    if (!isUuid(projectId)) throw new NotFoundException(PROJECT_NOT_FOUND);
    const params: unknown[] = [projectId];
    const scope = this.policy.labScope(principal, 'p.lab_id', params);
    const rows = await this.statements.query<{ project: Project }>(jsonObjects(`SELECT ${PROJECT_FIELDS} FROM ${PROJECT_FROM} WHERE p.id = $1 AND ${scope}`, 'project'), params);
    if (!rows[0]) throw new NotFoundException(PROJECT_NOT_FOUND);
    return rows[0].project;
  }

  // The contract shape of one project (lab code, lead name, days in stage), no access check.
  async readContract(manager: EntityManager, projectId: string): Promise<Project> {
    const rows: { project: Project }[] = await manager.query(jsonObjects(`SELECT ${PROJECT_FIELDS} FROM ${PROJECT_FROM} WHERE p.id = $1`, 'project'), [projectId]);
    if (!rows[0]) throw new NotFoundException(PROJECT_NOT_FOUND);
    return rows[0].project;
  }

  async list(principal: Principal | undefined, query: ProjectListQuery): Promise<JsonText<ProjectPage>> {
    const params: unknown[] = [];
    const { condition, order } = this.listSelection(principal, query, params);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    // The count and the page in one statement, serialised by PostgreSQL: one round trip, no rows to
    // parse and stringify again.
    const body = pageJson(params, { page, pageSize }, ({ limit, offset }) => ({
      items: `SELECT ${PROJECT_LIST_FIELDS} FROM ${PROJECT_FROM} WHERE ${condition} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      total: `SELECT count(*)::int FROM project p WHERE ${condition}`,
    }));
    const [row] = await this.statements.query<{ body: string }>(`SELECT ${body} AS body`, params);
    return new JsonText(row.body);
  }

  // Every project of the list for these filters (no page), in the list's order, as the exports write them.
  async exportRows(principal: Principal | undefined, query: Omit<ProjectListQuery, 'page' | 'pageSize'>): Promise<ProjectExportRow[]> {
    const params: unknown[] = [];
    const { condition, order } = this.listSelection(principal, query, params);
    return this.dataSource.query(`SELECT ${PROJECT_EXPORT_FIELDS} FROM ${PROJECT_FROM} WHERE ${condition} ORDER BY ${order}`, params);
  }

  // The WHERE and ORDER BY of a list: the caller's scope, then the filters. One rule for the page and the exports.
  private listSelection(principal: Principal | undefined, query: ProjectListQuery, params: unknown[]): { condition: string; order: string } {
    this.policy.assertPortfolioReader(principal);
    const where = [this.policy.labScope(principal, 'p.lab_id', params)];
    // One value (the usual case: one stage) as an equality, which an index can read in order (see
    // migration ProjectListOrder); several as = ANY.
    const any = (column: string, values: unknown[] | undefined, type: string) => {
      if (!values?.length) return;
      if (values.length === 1) where.push(`${column} = $${params.push(values[0])}::${type}`);
      else where.push(`${column} = ANY($${params.push(values)}::${type}[])`);
    };
    any('p.lab_id', query.lab, 'uuid');
    if (query.region) where.push(`p.lab_id IN (SELECT id FROM lab WHERE region_id = $${params.push(query.region)}::uuid)`);
    any('p.stage', query.stage, 'varchar');
    any('p.status', query.status, 'varchar');
    any('p.health', query.health, 'varchar');
    any('p.lead_id', query.lead, 'uuid');
    // && (overlap) is what the GIN indexes on the arrays serve.
    if (query.theme?.length) {
      params.push(query.theme);
      where.push(`p.themes && $${params.length}::varchar[]`);
    }
    if (query.department?.length) {
      params.push(query.department);
      where.push(`p.departments && $${params.length}::varchar[]`);
    }
    // Every word, in any order, served by the trigram index on search_text.
    const words = everyWordIn('p.search_text', query.q, params);
    if (words) where.push(words);
    if (query.archived === true || query.archived === 'only') {
      if (principal.role !== 'lab_manager') {
        throw new ForbiddenException('Seul·e la ou le responsable du lab peut consulter les projets archivés.');
      }
      if (query.archived === 'only') where.push('p.archived_at IS NOT NULL');
    } else {
      where.push('p.archived_at IS NULL');
    }
    const sort = query.sort ?? '-updatedAt';
    const descending = sort.startsWith('-');
    const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as ProjectSortField];
    const direction = descending ? 'DESC' : 'ASC';
    return { condition: where.join(' AND '), order: `${column} ${direction} NULLS LAST, p.id ${direction}` };
  }

  async create(principal: Principal | undefined, dto: CreateProjectDto, context: RequestContext = {}): Promise<Project> {
    this.policy.assertPortfolioReader(principal);
    this.policy.assertCanCreate(principal);
    const stage = dto.stage ?? 'co_design';
    this.policy.assertCanCreateInStage(principal, stage);
    const labId = principal.labId;
    return this.dataSource.transaction(async (manager) => {
      let leadId: string | null = principal.role === 'project_lead' ? principal.userId : null;
      if (dto.leadId !== undefined && dto.leadId !== leadId) {
        this.policy.assertLabManager(principal, labId, 'désigner la ou le chef de projet');
        if (dto.leadId !== null) await this.assertAssignableLead(manager, labId, dto.leadId);
        leadId = dto.leadId;
      }
      const [lab] = await manager.query(`SELECT code FROM lab WHERE id = $1`, [labId]);
      const year = parisYear();
      // Atomic in this transaction: two creations never get the same number.
      const [{ last_value: counter }] = await manager.query(
        `INSERT INTO project_code_counter (lab_id, year, last_value) VALUES ($1, $2, 1)
         ON CONFLICT (lab_id, year) DO UPDATE SET last_value = project_code_counter.last_value + 1
         RETURNING last_value`,
        [labId, year],
      );
      const [{ id }] = await manager.query(
        `INSERT INTO project (lab_id, code, name, summary, themes, stage, health, health_comment, lead_id, departments, communes, start_date, is_public)
         VALUES ($1, $2, $3, $4, $5::varchar[], $6, $7, $8, $9, $10::varchar[], $11::varchar[], $12::date, $13)
         RETURNING id`,
        [
          labId,
          formatProjectCode(lab.code, year, counter),
          dto.name.trim(),
          dto.summary ?? '',
          dto.themes ?? [],
          stage,
          dto.health ?? 'green',
          dto.healthComment ?? null,
          leadId,
          dto.departments ?? [],
          dto.communes ?? [],
          dto.startDate ?? null,
          dto.isPublic ?? false,
        ],
      );
      // The history starts with the creation, so that "as of" reports know where the project began.
      await manager.query(
        `INSERT INTO stage_transition (project_id, from_stage, to_stage, from_status, to_status, rationale, decided_by)
         VALUES ($1, NULL, $2, NULL, 'active', $3, $4)`,
        [id, stage, 'Création du projet', principal.userId],
      );
      const created = await this.readContract(manager, id);
      await this.audit.record(manager, {
        actorId: principal.userId,
        actorEmail: principal.email,
        action: 'create',
        entityType: 'project',
        entityId: id,
        labId,
        ip: context.ip,
        after: created,
      });
      return created;
    });
  }

  async update(principal: Principal | undefined, projectId: string, dto: UpdateProjectDto, context: RequestContext = {}): Promise<Project> {
    this.policy.assertPortfolioReader(principal);
    return this.dataSource.transaction(async (manager) => {
      const project = await findVisibleProject(manager, this.policy, principal, projectId, 'update');
      this.policy.assertCanWrite(principal, project);
      if (project.version !== dto.version) throw await this.staleVersion(manager, project.id);
      if (project.archived) throw new ConflictException('Ce projet est archivé : il ne peut plus être modifié.');
      if (dto.leadId !== undefined && dto.leadId !== project.leadId) {
        this.policy.assertLabManager(principal, project.labId, 'désigner la ou le chef de projet');
        if (dto.leadId !== null) await this.assertAssignableLead(manager, project.labId, dto.leadId);
      }
      const changes = new ColumnChanges();
      for (const { field, column, cast } of UPDATABLE) {
        const value = dto[field];
        if (value === undefined) continue;
        changes.set(column, field === 'name' && typeof value === 'string' ? value.trim() : value, cast);
      }
      // Conditional on the version: a concurrent writer that got there first makes this a 409.
      return updateVersioned(manager, this.audit, {
        table: 'project',
        id: project.id,
        version: dto.version,
        changes,
        before: await this.readContract(manager, project.id),
        read: () => this.readContract(manager, project.id),
        staleDetail: PROJECT_STALE,
        audit: () => ({
          actorId: principal.userId,
          actorEmail: principal.email,
          action: 'update',
          entityType: 'project',
          entityId: project.id,
          labId: project.labId,
          ip: context.ip,
        }),
      });
    });
  }

  // DELETE archives: the record, its history and its audit trail stay.
  async archive(principal: Principal | undefined, projectId: string, context: RequestContext = {}): Promise<Project> {
    return this.setArchived(principal, projectId, true, undefined, context);
  }

  // Brings an archived project back, as it was: who may archive may restore.
  async restore(principal: Principal | undefined, projectId: string, version: number, context: RequestContext = {}): Promise<Project> {
    return this.setArchived(principal, projectId, false, version, context);
  }

  // Archive or restore, by the lab's manager; asking for the state the project is in changes nothing.
  private async setArchived(
    principal: Principal | undefined,
    projectId: string,
    archive: boolean,
    version: number | undefined,
    context: RequestContext,
  ): Promise<Project> {
    this.policy.assertPortfolioReader(principal);
    return this.dataSource.transaction(async (manager) => {
      const project = await findVisibleProject(manager, this.policy, principal, projectId, 'update');
      this.policy.assertLabManager(principal, project.labId, archive ? 'archiver un projet' : 'restaurer un projet archivé');
      if (version !== undefined && project.version !== version) throw await this.staleVersion(manager, project.id);
      if (project.archived === archive) return this.readContract(manager, project.id);
      // Under the row lock the version read is current.
      return updateVersioned(manager, this.audit, {
        table: 'project',
        id: project.id,
        version: project.version,
        changes: new ColumnChanges().setExpression('archived_at', archive ? 'now()' : 'NULL'),
        before: await this.readContract(manager, project.id),
        read: () => this.readContract(manager, project.id),
        staleDetail: PROJECT_STALE,
        audit: () => ({
          actorId: principal.userId,
          actorEmail: principal.email,
          action: archive ? 'archive' : 'restore',
          entityType: 'project',
          entityId: project.id,
          labId: project.labId,
          ip: context.ip,
        }),
      });
    });
  }

  async staleVersion(manager: EntityManager, projectId: string): Promise<ProblemException> {
    return staleVersion(PROJECT_STALE, await this.readContract(manager, projectId));
  }

  private async assertAssignableLead(manager: EntityManager, labId: string, userId: string): Promise<void> {
    const rows = await manager.query(
      `SELECT 1 FROM app_user WHERE id = $1 AND lab_id = $2 AND active AND role IN ('project_lead', 'lab_manager')`,
      [userId, labId],
    );
    if (!rows.length) {
      throw new RequestValidationException([
        { field: 'leadId', message: "Cette personne n'est pas un membre actif de ce lab.", code: 'unknownLead' },
      ]);
    }
  }
}
