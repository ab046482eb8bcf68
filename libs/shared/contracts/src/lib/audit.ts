// Kinds of record the audit trail names (entity_type), with their French names for the Journal.
export const AUDIT_ENTITY_TYPES = [
  'project',
  'project_proposal',
  'milestone',
  'project_partner',
  'funding_line',
  'project_common',
  'organisation',
  'contact',
  'gate_criteria',
  'user',
  'lab',
  'session',
  'report',
  'lab_activity',
  'import',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const AUDIT_ENTITY_LABELS_FR: Readonly<Record<AuditEntityType, string>> = {
  project: 'Projet',
  project_proposal: 'Proposition de passage',
  milestone: 'Jalon',
  project_partner: 'Partenariat',
  funding_line: 'Ligne de financement',
  project_common: 'Commun',
  organisation: 'Organisation',
  contact: 'Contact',
  gate_criteria: 'Critères de passage',
  user: 'Compte',
  lab: 'Lab',
  session: 'Connexion',
  report: 'Rapport',
  lab_activity: 'Activité du lab',
  import: 'Import',
};

// What was done (action), in French; an action missing here is shown as written.
export const AUDIT_ACTION_LABELS_FR: Readonly<Record<string, string>> = {
  create: 'Création',
  update: 'Modification',
  transition: "Changement d'étape ou de statut",
  archive: 'Archivage',
  restore: 'Restauration',
  delete: 'Suppression',
  deactivate: 'Désactivation',
  replace: 'Remplacement',
  export: 'Export',
  import: 'Import',
  erase: 'Effacement (RGPD)',
  seed: 'Données de démonstration',
  propose: 'Proposition',
  accept: 'Acceptation',
  refuse: 'Refus',
  acknowledge: 'Prise de connaissance',
  'auth.login': 'Connexion',
  'auth.logout': 'Déconnexion',
  'auth.login_failed': 'Connexion refusée',
  'auth.login_throttled': 'Connexion bloquée (trop d’essais)',
};

export function auditEntityLabel(entityType: string): string {
  return (AUDIT_ENTITY_LABELS_FR as Readonly<Record<string, string>>)[entityType] ?? entityType;
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS_FR[action] ?? action;
}
