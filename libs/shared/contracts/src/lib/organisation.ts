export const ORGANISATION_TYPES = ['state', 'local_authority', 'association', 'company', 'social_economy', 'university', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TYPE_LABELS_FR: Readonly<Record<OrganisationType, string>> = {
  state: 'État',
  local_authority: 'Collectivité',
  association: 'Association',
  company: 'Entreprise',
  social_economy: 'ESS',
  university: 'Université',
  other: 'Autre',
};

// An organisation belongs to the lab that records it.
export interface Organisation {
  id: string;
  labId: string;
  name: string;
  type: OrganisationType;
  // 14 digits, Luhn-checked.
  siret: string | null;
  // INSEE département code.
  department: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateOrganisationRequest {
  name: string;
  type: OrganisationType;
  siret?: string;
  department?: string;
}

export interface UpdateOrganisationRequest {
  version: number;
  name?: string;
  type?: OrganisationType;
  siret?: string | null;
  department?: string | null;
}

export interface OrganisationListQuery {
  lab?: string;
  type?: OrganisationType;
  // Case- and accent-insensitive search on the name and the SIRET.
  q?: string;
  page?: number;
  pageSize?: number;
}

export const PARTNER_ROLES = ['lead_partner', 'funder', 'partner', 'beneficiary'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const PARTNER_ROLE_LABELS_FR: Readonly<Record<PartnerRole, string>> = {
  lead_partner: 'Porteur',
  funder: 'Financeur',
  partner: 'Partenaire',
  beneficiary: 'Bénéficiaire',
};

export interface ProjectPartner {
  id: string;
  projectId: string;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  role: PartnerRole;
  since: string | null;
  // The person to talk to about this partnership, if any.
  contactId: string | null;
  contactName: string | null;
  createdAt: string;
}

export interface CreatePartnerRequest {
  organisationId: string;
  role: PartnerRole;
  since?: string;
  contactId?: string;
}

// A person at an organisation: personal data (GDPR), kept minimal, exportable and erasable.
export interface Contact {
  id: string;
  labId: string;
  organisationId: string;
  organisationName: string;
  fullName: string;
  email: string;
  phone: string | null;
  roleTitle: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateContactRequest {
  organisationId: string;
  fullName: string;
  email: string;
  phone?: string;
  roleTitle?: string;
}

export interface UpdateContactRequest {
  version: number;
  organisationId?: string;
  fullName?: string;
  email?: string;
  phone?: string | null;
  roleTitle?: string | null;
}

export interface ContactListQuery {
  organisation?: string;
  lab?: string;
  page?: number;
  pageSize?: number;
}

// One audit event that mentions the contact, as held.
export interface ContactAuditReference {
  occurredAt: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
}

// GET /api/v1/contacts/:id/export: everything Sillon holds about a person (GDPR art. 15).
export interface ContactExport {
  exportedAt: string;
  contact: Contact;
  organisation: Organisation;
  partnerships: ProjectPartner[];
  auditEvents: ContactAuditReference[];
}

// DELETE /api/v1/contacts/:id/erasure (GDPR art. 17).
export interface ContactErasureResult {
  contactId: string;
  partnershipsUnlinked: number;
  auditEventsScrubbed: number;
}
