import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Contact, ContactAuditReference, ContactErasureResult, ContactExport, Organisation, Page } from '@sillon/contracts';
import { EntityManager, Repository } from 'typeorm';
import { RowOf } from '../../database/select-list';
import { ProblemException } from '../../common/problem-details.filter';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { ColumnChanges, updateVersioned } from '../audit/versioned-update';
import { ContactEntity } from './contact.entity';
import { ContactListQueryDto, CreateContactDto, UpdateContactDto } from './dto/contact.dto';
import { pageOf } from '../../common/page-query.dto';
import { AUDIT_REFERENCE_COLUMNS, CONTACT_COLUMNS, PARTNER_COLUMNS, toAuditReference, toContact, toOrganisation, toPartner } from './organisation-rows';
import { OrganisationsService } from './organisations.service';

export const CONTACT_NOT_FOUND = "Ce contact n'existe pas ou n'est pas accessible.";
const MANAGE_ONLY = 'Seul·e la ou le responsable du lab peut gérer les contacts.';
const FROM_CONTACT = `FROM contact c JOIN organisation o ON o.id = c.organisation_id`;

@Injectable()
export class ContactsService {
  constructor(
    @InjectRepository(ContactEntity) private readonly contacts: Repository<ContactEntity>,
    private readonly organisations: OrganisationsService,
    private readonly policy: ProjectAccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, query: ContactListQueryDto): Promise<Page<Contact>> {
    const { page, pageSize, offset } = pageOf(query);
    const params: unknown[] = [];
    // Contacts are personal data: a national account lists none.
    const where = [this.policy.personalDataScope(principal, 'c.lab_id', params)];
    if (query.lab) where.push(`c.lab_id = $${params.push(query.lab)}`);
    if (query.organisation) where.push(`c.organisation_id = $${params.push(query.organisation)}`);
    const condition = where.join(' AND ');
    const [{ total }] = await this.contacts.query(`SELECT count(*)::int AS total FROM contact c WHERE ${condition}`, params);
    const rows = await this.contacts.query(
      `SELECT ${CONTACT_COLUMNS} ${FROM_CONTACT} WHERE ${condition}
        ORDER BY c.full_name, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, offset],
    );
    return { items: rows.map(toContact), total, page, pageSize };
  }

  async get(principal: Principal, id: string): Promise<Contact> {
    return this.findVisible(this.contacts.manager, principal, id);
  }

  async create(principal: Principal, dto: CreateContactDto, ip?: string): Promise<Contact> {
    return this.contacts.manager.transaction(async (manager) => {
      const organisation = toOrganisation(await this.organisationFor(manager, principal, dto.organisationId));
      if (!this.policy.isLabManagerOf(principal, organisation.labId)) throw new ForbiddenException(MANAGE_ONLY);
      const [{ id }] = await manager.query(
        `INSERT INTO contact (lab_id, organisation_id, full_name, email, phone, role_title) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [organisation.labId, organisation.id, dto.fullName, dto.email, dto.phone ?? null, dto.roleTitle ?? null],
      );
      const created = await this.findVisible(manager, principal, id);
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'create', entityType: 'contact',
        entityId: id, labId: created.labId, ip, after: created,
      });
      return created;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateContactDto, ip?: string): Promise<Contact> {
    return this.contacts.manager.transaction(async (manager) => {
      const before = await this.findVisible(manager, principal, id);
      if (!this.policy.isLabManagerOf(principal, before.labId)) throw new ForbiddenException(MANAGE_ONLY);
      const changes = new ColumnChanges();
      if (dto.organisationId !== undefined) {
        const organisation = toOrganisation(await this.organisationFor(manager, principal, dto.organisationId));
        // A contact stays in its lab.
        if (organisation.labId !== before.labId) throw this.organisationOutOfReach();
        changes.set('organisation_id', organisation.id);
      }
      if (dto.fullName !== undefined) changes.set('full_name', dto.fullName);
      if (dto.email !== undefined) changes.set('email', dto.email);
      if (dto.phone !== undefined) changes.set('phone', dto.phone);
      if (dto.roleTitle !== undefined) changes.set('role_title', dto.roleTitle);
      return updateVersioned(manager, this.audit, {
        table: 'contact', id, version: dto.version, changes, before,
        read: () => this.findVisible(manager, principal, id),
        staleDetail: "Ce contact a été modifié entre-temps : rechargez-le avant de l'enregistrer.",
        audit: (after) => ({
          actorId: principal.userId, actorEmail: principal.email, action: 'update', entityType: 'contact',
          entityId: id, labId: after.labId, ip,
        }),
      });
    });
  }

  // Everything held about the person (GDPR art. 15): the record, its organisation, the partnerships
  // naming them and every audit event that mentions them.
  async export(principal: Principal, id: string, ip?: string): Promise<ContactExport> {
    return this.contacts.manager.transaction(async (manager) => {
      const contact = await this.findVisible(manager, principal, id);
      if (!this.policy.isLabManagerOf(principal, contact.labId)) {
        throw new ForbiddenException('Seul·e la ou le responsable du lab peut exporter les données d’un contact.');
      }
      const organisation = toOrganisation(await this.organisations.findVisibleRow(manager, principal, contact.organisationId));
      const partnerships = await manager.query(
        `SELECT ${PARTNER_COLUMNS} FROM project_partner pp JOIN organisation o ON o.id = pp.organisation_id
           LEFT JOIN contact c ON c.id = pp.contact_id WHERE pp.contact_id = $1 ORDER BY pp.created_at, pp.id`,
        [id],
      );
      const auditEvents = await this.auditEventsMentioning(manager, contact);
      // Who exported whose data is itself accountable; the event names the record, not the person.
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'export', entityType: 'contact',
        entityId: id, labId: contact.labId, ip,
      });
      return {
        exportedAt: new Date().toISOString(),
        contact,
        organisation,
        partnerships: partnerships.map(toPartner),
        auditEvents: auditEvents.map(toAuditReference),
      };
    });
  }

  // Erasure (GDPR art. 17): the record goes, partnerships lose the link, and the audit trail of the
  // contact's lab keeps its events with the person's data replaced. The trail is rewritten only by
  // the database's sillon_erase_contact(), which runs as its owner (migration DatabaseWall): the API's
  // own role may append to the trail, never update it.
  async erase(principal: Principal, id: string, ip?: string): Promise<ContactErasureResult> {
    return this.contacts.manager.transaction(async (manager) => {
      const contact = await this.findVisible(manager, principal, id);
      if (!this.policy.isLabManagerOf(principal, contact.labId)) {
        throw new ForbiddenException('Seul·e la ou le responsable du lab peut effacer un contact.');
      }
      const [{ scrubbed }] = await manager.query(`SELECT sillon_erase_contact($1) AS scrubbed`, [id]);
      const [, partnershipsUnlinked] = await manager.query(`UPDATE project_partner SET contact_id = NULL WHERE contact_id = $1`, [id]);
      await manager.query(`DELETE FROM contact WHERE id = $1`, [id]);
      const result: ContactErasureResult = { contactId: id, partnershipsUnlinked: Number(partnershipsUnlinked), auditEventsScrubbed: Number(scrubbed) };
      await this.audit.record(manager, {
        actorId: principal.userId, actorEmail: principal.email, action: 'erase', entityType: 'contact',
        entityId: id, labId: contact.labId, ip, after: result,
      });
      return result;
    });
  }

  // Events of the contact's own lab about the contact, or whose data names them: a whole value equal
  // to their id, name, e-mail or phone (without case), never a pattern, as sillon_erase_contact() does.
  private async auditEventsMentioning(manager: EntityManager, contact: Contact): Promise<RowOf<ContactAuditReference>[]> {
    const needles = [contact.id, contact.fullName, contact.email, contact.phone]
      .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
      .map((value) => value.toLowerCase());
    return manager.query(
      `SELECT ${AUDIT_REFERENCE_COLUMNS} FROM audit_event
        WHERE lab_id = $2
          AND ((entity_type = 'contact' AND entity_id = $1) OR sillon_mentions(before, $3::text[]) OR sillon_mentions(after, $3::text[]))
        ORDER BY occurred_at, id`,
      [contact.id, contact.labId, needles],
    );
  }

  async findVisible(manager: EntityManager, principal: Principal, id: string): Promise<Contact> {
    const params: unknown[] = [id];
    const scope = this.policy.personalDataScope(principal, 'c.lab_id', params);
    const rows = await manager.query(`SELECT ${CONTACT_COLUMNS} ${FROM_CONTACT} WHERE c.id = $1 AND ${scope}`, params);
    if (!rows[0]) throw new NotFoundException(CONTACT_NOT_FOUND);
    return toContact(rows[0]);
  }

  private async organisationFor(manager: EntityManager, principal: Principal, organisationId: string): Promise<RowOf<Organisation>> {
    try {
      return await this.organisations.findVisibleRow(manager, principal, organisationId);
    } catch (error) {
      if (error instanceof NotFoundException) throw this.organisationOutOfReach();
      throw error;
    }
  }

  private organisationOutOfReach(): ProblemException {
    return new ProblemException(400, "L'organisation indiquée n'existe pas dans ce lab.", {
      errors: [{ field: 'organisationId', code: 'unknownOrganisation', message: "Cette organisation n'existe pas ou n'est pas accessible." }],
    });
  }
}
