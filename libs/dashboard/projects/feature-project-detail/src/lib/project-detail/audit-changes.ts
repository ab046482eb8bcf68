import { AuditEvent } from '@sillon/contracts';

const ACTION_LABELS_FR: Readonly<Record<string, string>> = {
  create: 'Création',
  update: 'Modification',
  transition: 'Changement de phase ou de statut',
  archive: 'Archivage',
  restore: 'Restauration',
  delete: 'Suppression',
  seed: 'Données de démonstration',
};

const FIELD_LABELS_FR: Readonly<Record<string, string>> = {
  name: 'nom',
  summary: 'résumé',
  themes: 'thèmes',
  stage: 'phase',
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
};

// Fields that bookkeeping changes on every write: not worth listing.
const IGNORED = new Set(['version', 'updatedAt', 'createdAt', 'daysInStage', 'stageEnteredAt', 'leadName']);

export function actionLabel(action: string): string {
  return ACTION_LABELS_FR[action] ?? action;
}

// The names, in French, of the fields an audited write changed.
export function changedFields(event: Pick<AuditEvent, 'before' | 'after'>): string[] {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !IGNORED.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => FIELD_LABELS_FR[key] ?? key);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
