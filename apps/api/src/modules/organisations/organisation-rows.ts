import type { Contact, ContactAuditReference, Organisation, OrganisationType, PartnerRole, ProjectPartner } from '@sillon/contracts';

// Rows as the services' SQL selects them (dates cast to text so that no time zone shifts them).
export const ORGANISATION_COLUMNS = `o.id, o.lab_id, o.name, o.type, o.siret, o.department, o.version, o.created_at, o.updated_at`;

export const CONTACT_COLUMNS = `c.id, c.lab_id, c.organisation_id, o.name AS organisation_name, c.full_name, c.email, c.phone,
  c.role_title, c.version, c.created_at, c.updated_at`;

export const PARTNER_COLUMNS = `pp.id, pp.project_id, pp.organisation_id, o.name AS organisation_name, o.type AS organisation_type,
  pp.role, pp.since::text AS since, pp.contact_id, c.full_name AS contact_name, pp.created_at`;

type Row = Record<string, unknown>;

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

export function toOrganisation(row: Row): Organisation {
  return {
    id: row['id'] as string,
    labId: row['lab_id'] as string,
    name: row['name'] as string,
    type: row['type'] as OrganisationType,
    siret: (row['siret'] as string | null) ?? null,
    department: (row['department'] as string | null) ?? null,
    version: Number(row['version']),
    createdAt: iso(row['created_at']),
    updatedAt: iso(row['updated_at']),
  };
}

export function toContact(row: Row): Contact {
  return {
    id: row['id'] as string,
    labId: row['lab_id'] as string,
    organisationId: row['organisation_id'] as string,
    organisationName: row['organisation_name'] as string,
    fullName: row['full_name'] as string,
    email: row['email'] as string,
    phone: (row['phone'] as string | null) ?? null,
    roleTitle: (row['role_title'] as string | null) ?? null,
    version: Number(row['version']),
    createdAt: iso(row['created_at']),
    updatedAt: iso(row['updated_at']),
  };
}

export function toPartner(row: Row): ProjectPartner {
  return {
    id: row['id'] as string,
    projectId: row['project_id'] as string,
    organisationId: row['organisation_id'] as string,
    organisationName: row['organisation_name'] as string,
    organisationType: row['organisation_type'] as OrganisationType,
    role: row['role'] as PartnerRole,
    since: (row['since'] as string | null) ?? null,
    contactId: (row['contact_id'] as string | null) ?? null,
    contactName: (row['contact_name'] as string | null) ?? null,
    createdAt: iso(row['created_at']),
  };
}

export function toAuditReference(row: Row): ContactAuditReference {
  return {
    occurredAt: iso(row['occurred_at']),
    action: row['action'] as string,
    entityType: row['entity_type'] as string,
    entityId: (row['entity_id'] as string | null) ?? null,
    actorEmail: (row['actor_email'] as string | null) ?? null,
    before: row['before'] ?? null,
    after: row['after'] ?? null,
  };
}
