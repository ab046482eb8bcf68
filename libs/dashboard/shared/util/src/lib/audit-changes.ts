import type { AuditEvent } from '@sillon/contracts';

// The French names of the fields an audited write changed, for the project page's history and the Journal.
const FIELD_LABELS_FR: Readonly<Record<string, string>> = {
  name: 'nom',
  summary: 'résumé',
  themes: 'thèmes',
  stage: 'étape',
  status: 'statut',
  statusReason: 'motif du statut',
  health: 'santé',
  healthComment: 'commentaire sur la santé',
  leadId: 'chef·fe de projet',
  departments: 'départements',
  communes: 'communes',
  startDate: 'date de début',
  isPublic: 'publication',
  archivedAt: 'archivage',
  title: 'intitulé',
  dueOn: 'échéance',
  completedOn: 'réalisation',
  participantCount: 'participants',
  type: 'type',
  siret: 'SIRET',
  department: 'département',
  fullName: 'nom',
  email: 'e-mail',
  phone: 'téléphone',
  roleTitle: 'fonction',
  organisationId: 'organisation',
  funderId: 'financeur',
  label: 'intitulé',
  scheme: 'dispositif',
  amountCents: 'montant',
  requestedOn: 'date de demande',
  decidedOn: 'date de décision',
  receivedOn: 'date de versement',
  displayName: 'nom affiché',
  role: 'rôle',
  active: 'compte actif',
  outcomeSeenAt: 'prise de connaissance',
  decisionNote: 'note de décision',
  kind: 'nature',
  licence: 'licence',
  url: 'adresse web',
  publishedOn: 'date de publication',
  reuses: 'réutilisations',
};

// Bookkeeping that every write changes: not worth listing.
const IGNORED = new Set(['version', 'updatedAt', 'createdAt', 'daysInStage', 'stageEnteredAt', 'leadName', 'organisationName', 'funderName', 'decidedAt', 'decidedById', 'decidedByName']);

export function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

// The French names of the fields an update changed.
export function changedFields(event: Pick<AuditEvent, 'before' | 'after'>): string[] {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !IGNORED.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => FIELD_LABELS_FR[key] ?? key);
}
