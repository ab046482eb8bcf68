import { AuditEvent, auditActionLabel, auditEntityLabel } from '@sillon/contracts';

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
};

// Bookkeeping that every write changes: not worth listing.
const IGNORED = new Set(['version', 'updatedAt', 'createdAt', 'daysInStage', 'stageEnteredAt', 'leadName', 'organisationName', 'funderName', 'decidedAt', 'decidedById', 'decidedByName']);

// Where the record can be opened in the dashboard.
const ROUTES: Readonly<Record<string, (id: string) => string[]>> = {
  project: (id) => ['/projets', id],
  organisation: (id) => ['/organisations', id],
};

export interface JournalRow {
  id: string;
  occurredAt: string;
  who: string;
  kind: string;
  action: string;
  // The record's name as the event holds it.
  what: string;
  link: string[] | null;
  changes: string;
}

function asRecord(value: unknown): Record<string, unknown> | null {
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

function recordName(event: AuditEvent): string {
  for (const value of [event.after, event.before]) {
    const record = asRecord(value);
    if (!record) continue;
    const code = typeof record['code'] === 'string' ? `${record['code']} ` : '';
    for (const key of ['name', 'projectName', 'title', 'fullName', 'organisationName', 'label', 'displayName', 'email']) {
      const name = record[key];
      if (typeof name === 'string' && name.trim()) return `${code}${name}`.trim();
    }
  }
  return '';
}

export function journalRow(event: AuditEvent, names: ReadonlyMap<string, string>): JournalRow {
  const route = event.entityId ? ROUTES[event.entityType] : undefined;
  return {
    id: event.id,
    occurredAt: event.occurredAt,
    who: (event.actorId && names.get(event.actorId)) || event.actorEmail || 'Le système',
    kind: auditEntityLabel(event.entityType),
    action: auditActionLabel(event.action),
    what: recordName(event),
    link: route && event.entityId ? route(event.entityId) : null,
    changes: changedFields(event).join(', '),
  };
}
