import type { Contact, ContactAuditReference, Organisation, ProjectPartner } from '@sillon/contracts';
import { ColumnsOf, RowOf, selectList } from '../../database/select-list';

// The contracts as the services' SQL selects them: `o` is the organisation, `c` the contact, `pp` the
// partnership (dates cast to text so that no time zone shifts them). The mappers below convert what
// the driver returns otherwise (timestamps as Date).
const ORGANISATION: ColumnsOf<Organisation> = {
  id: 'o.id',
  labId: 'o.lab_id',
  name: 'o.name',
  type: 'o.type',
  siret: 'o.siret',
  department: 'o.department',
  version: 'o.version',
  createdAt: 'o.created_at',
  updatedAt: 'o.updated_at',
};

const CONTACT: ColumnsOf<Contact> = {
  id: 'c.id',
  labId: 'c.lab_id',
  organisationId: 'c.organisation_id',
  organisationName: 'o.name',
  fullName: 'c.full_name',
  email: 'c.email',
  phone: 'c.phone',
  roleTitle: 'c.role_title',
  version: 'c.version',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

const PARTNER: ColumnsOf<ProjectPartner> = {
  id: 'pp.id',
  projectId: 'pp.project_id',
  organisationId: 'pp.organisation_id',
  organisationName: 'o.name',
  organisationType: 'o.type',
  role: 'pp.role',
  since: 'pp.since::text',
  // From the joined contact, so that a caller who reads no personal data gets neither.
  contactId: 'c.id',
  contactName: 'c.full_name',
  createdAt: 'pp.created_at',
};

// An audit event as a contact's export lists it (from audit_event, unaliased).
const AUDIT_REFERENCE: ColumnsOf<ContactAuditReference> = {
  occurredAt: 'occurred_at',
  action: 'action',
  entityType: 'entity_type',
  entityId: 'entity_id',
  actorEmail: 'actor_email',
  before: 'before',
  after: 'after',
};

export const ORGANISATION_COLUMNS = selectList(ORGANISATION);
export const CONTACT_COLUMNS = selectList(CONTACT);
export const PARTNER_COLUMNS = selectList(PARTNER);
export const AUDIT_REFERENCE_COLUMNS = selectList(AUDIT_REFERENCE);

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

export function toOrganisation(row: RowOf<Organisation>): Organisation {
  return { ...(row as Organisation), version: Number(row.version), createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

export function toContact(row: RowOf<Contact>): Contact {
  return { ...(row as Contact), version: Number(row.version), createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

export function toPartner(row: RowOf<ProjectPartner>): ProjectPartner {
  return { ...(row as ProjectPartner), createdAt: iso(row.createdAt) };
}

export function toAuditReference(row: RowOf<ContactAuditReference>): ContactAuditReference {
  return { ...(row as ContactAuditReference), occurredAt: iso(row.occurredAt) };
}
