export const PROJECT_STATUSES = ['active', 'on_hold', 'stopped', 'scaled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS_FR: Readonly<Record<ProjectStatus, string>> = {
  active: 'Actif',
  on_hold: 'En pause',
  stopped: 'Arrêté',
  scaled: 'Essaimé',
};

export const HEALTHS = ['green', 'amber', 'red'] as const;
export type Health = (typeof HEALTHS)[number];

export const HEALTH_LABELS_FR: Readonly<Record<Health, string>> = {
  green: 'Bonne',
  amber: 'À surveiller',
  red: 'En difficulté',
};
