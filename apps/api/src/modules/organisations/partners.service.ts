import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProjectPartner } from '@sillon/contracts';
import { EntityManager, QueryFailedError, Repository } from 'typeorm';
import { ProblemException } from '../../common/problem-details.filter';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { assertNotArchived, findVisibleProject, ProjectRef } from '../access/visible-project';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { CreatePartnerDto } from './dto/partner.dto';
import { PARTNER_COLUMNS, toPartner } from './organisation-rows';
import { ProjectPartnerEntity } from './project-partner.entity';

const MANAGE_ONLY = 'Seul·e la ou le responsable du lab peut gérer les partenaires d’un projet.';
const FROM_PARTNER = `FROM project_partner pp JOIN organisation o ON o.id = pp.organisation_id LEFT JOIN contact c ON c.id = pp.contact_id`;
// For a caller who reads no personal data (a national account): the partnerships without their contact.
const FROM_PARTNER_WITHOUT_CONTACT = `FROM project_partner pp JOIN organisation o ON o.id = pp.organisation_id LEFT JOIN contact c ON false`;

@Injectable()
export class PartnersService {
  constructor(
    @InjectRepository(ProjectPartnerEntity) private readonly partners: Repository<ProjectPartnerEntity>,
    private readonly policy: ProjectAccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async listForProject(principal: Principal, projectId: string): Promise<ProjectPartner[]> {
    const project = await findVisibleProject(this.partners.manager, this.policy, principal, projectId);
    const from = this.policy.readsPersonalData(principal) ? FROM_PARTNER : FROM_PARTNER_WITHOUT_CONTACT;
    const rows = await this.partners.query(`SELECT ${PARTNER_COLUMNS} ${from} WHERE pp.project_id = $1 ORDER BY pp.role, o.name, pp.id`, [
      project.id,
    ]);
    return rows.map(toPartner);
  }

  async add(principal: Principal, projectId: string, dto: CreatePartnerDto, ip?: string): Promise<ProjectPartner> {
    return this.partners.manager.transaction(async (manager) => {
      const project = await this.manageableProject(manager, principal, projectId);
      // The organisation and the contact must be the project's lab's: nothing crosses a lab boundary.
      const [organisation] = await manager.query(`SELECT id FROM organisation WHERE id = $1 AND lab_id = $2`, [dto.organisationId, project.labId]);
      if (!organisation) throw unknownReference('organisationId', "Cette organisation n'existe pas dans le lab du projet.");
      if (dto.contactId) {
        const [contact] = await manager.query(`SELECT id FROM contact WHERE id = $1 AND organisation_id = $2`, [dto.contactId, dto.organisationId]);
        if (!contact) throw unknownReference('contactId', "Ce contact n'existe pas dans cette organisation.");
      }
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO project_partner (project_id, organisation_id, role, since, contact_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [project.id, dto.organisationId, dto.role, dto.since ?? null, dto.contactId ?? null],
        );
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'project_partner_key') {
          throw new ProblemException(409, 'Cette organisation est déjà partenaire du projet avec ce rôle.', { code: 'duplicate-partner' });
        }
        throw error;
      }
      const [row] = await manager.query(`SELECT ${PARTNER_COLUMNS} ${FROM_PARTNER} WHERE pp.id = $1`, [id]);
      const created = toPartner(row);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'create', entityType: 'project_partner',
        entityId: id, labId: project.labId, ip, after: created,
      });
      return created;
    });
  }

  async remove(principal: Principal, projectId: string, partnerId: string, ip?: string): Promise<void> {
    await this.partners.manager.transaction(async (manager) => {
      const project = await this.manageableProject(manager, principal, projectId);
      const [row] = await manager.query(`SELECT ${PARTNER_COLUMNS} ${FROM_PARTNER} WHERE pp.id = $1 AND pp.project_id = $2`, [partnerId, project.id]);
      if (!row) throw new NotFoundException("Ce partenariat n'existe pas.");
      await manager.query(`DELETE FROM project_partner WHERE id = $1`, [partnerId]);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'delete', entityType: 'project_partner',
        entityId: partnerId, labId: project.labId, ip, before: toPartner(row),
      });
    });
  }

  private async manageableProject(manager: EntityManager, principal: Principal, projectId: string): Promise<ProjectRef> {
    const project = await findVisibleProject(manager, this.policy, principal, projectId, 'share');
    if (!this.policy.isLabManagerOf(principal, project.labId)) throw new ForbiddenException(MANAGE_ONLY);
    assertNotArchived(project);
    return project;
  }
}

export function unknownReference(field: string, message: string): ProblemException {
  return new ProblemException(400, 'La requête fait référence à un enregistrement inconnu.', {
    errors: [{ field, code: 'unknownReference', message }],
  });
}
