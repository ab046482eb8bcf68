import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldError, GateCriterion, Stage, STAGES } from '@sillon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { RequestValidationException } from '../../common/validation-errors';
import { isUuid } from '../../common/uuid-param.pipe';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { LAB_NOT_FOUND, ProjectAccessPolicy } from '../access/project-access.policy';
import { RequestContext } from '../projects/projects.service';
import { ReplaceGateCriteriaDto } from './dto/replace-gate-criteria.dto';
import { GateCriterionEntity } from './gate-criterion.entity';

const toCriterion = (c: GateCriterionEntity): GateCriterion => ({
  id: c.id,
  labId: c.labId,
  stage: c.stage,
  label: c.label,
  position: c.position,
});

const stageOrder = (a: GateCriterionEntity, b: GateCriterionEntity) =>
  STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.position - b.position;

@Injectable()
export class GateCriteriaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ProjectAccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async findActiveForStage(manager: EntityManager, labId: string, stage: Stage): Promise<GateCriterionEntity[]> {
    return manager.getRepository(GateCriterionEntity).find({ where: { labId, stage, active: true }, order: { position: 'ASC' } });
  }

  async list(principal: Principal | undefined, labId: string, stage?: Stage): Promise<GateCriterion[]> {
    await this.findReadableLabOrFail(principal, labId, this.dataSource.manager);
    const criteria = await this.dataSource
      .getRepository(GateCriterionEntity)
      .find({ where: { labId, active: true, ...(stage ? { stage } : {}) } });
    return criteria.sort(stageOrder).map(toCriterion);
  }

  // Replaces the active checklist of one stage. Kept ids keep their identity (past transitions name
  // them); dropped ones are deactivated, never deleted.
  async replace(
    principal: Principal | undefined,
    labId: string,
    stage: Stage,
    dto: ReplaceGateCriteriaDto,
    context: RequestContext = {},
  ): Promise<GateCriterion[]> {
    this.policy.assertPortfolioReader(principal);
    return this.dataSource.transaction(async (manager) => {
      await this.findReadableLabOrFail(principal, labId, manager, true);
      this.policy.assertLabManager(principal, labId, 'modifier les critères de passage');
      const repository = manager.getRepository(GateCriterionEntity);
      const current = await this.findActiveForStage(manager, labId, stage);
      const errors: FieldError[] = dto.criteria.flatMap((item, index) => {
        const id = item.id?.toLowerCase();
        return id !== undefined && !current.some((c) => c.id === id)
          ? [{ field: `criteria.${index}.id`, message: "Ce critère n'existe pas pour cette étape de ce lab.", code: 'unknownCriterion' }]
          : [];
      });
      const ids = dto.criteria.flatMap((item) => (item.id ? [item.id.toLowerCase()] : []));
      dto.criteria.forEach((item, index) => {
        if (item.id && ids.indexOf(item.id.toLowerCase()) !== ids.lastIndexOf(item.id.toLowerCase())) {
          errors.push({ field: `criteria.${index}.id`, message: 'Ce critère apparaît plusieurs fois.', code: 'duplicate' });
        }
      });
      if (errors.length) throw new RequestValidationException(errors);
      const kept = new Set(ids);
      for (const dropped of current.filter((c) => !kept.has(c.id))) {
        await repository.update({ id: dropped.id }, { active: false });
      }
      for (const [position, item] of dto.criteria.entries()) {
        if (item.id) await repository.update({ id: item.id.toLowerCase() }, { label: item.label.trim(), position });
        else await repository.insert({ labId, stage, label: item.label.trim(), position, active: true });
      }
      const after = (await this.findActiveForStage(manager, labId, stage)).map(toCriterion);
      await this.audit.record(manager, {
        actorId: principal.userId,
        actorEmail: principal.email,
        action: 'replace',
        entityType: 'gate_criteria',
        entityId: `${labId}:${stage}`.slice(0, 64),
        labId,
        ip: context.ip,
        before: current.map(toCriterion),
        after,
      });
      return after;
    });
  }

  private async findReadableLabOrFail(principal: Principal | undefined, labId: string, manager: EntityManager, lock = false) {
    this.policy.assertPortfolioReader(principal);
    if (!isUuid(labId)) throw new NotFoundException(LAB_NOT_FOUND);
    // Locking the lab row serialises two concurrent replacements of its checklists.
    const [lab] = await manager.query(`SELECT id, region_id FROM lab WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [labId]);
    if (!lab || !this.policy.canReadLab(principal, { id: lab.id, regionId: lab.region_id })) throw new NotFoundException(LAB_NOT_FOUND);
    return lab;
  }
}
