export const ROLES = ['project_lead', 'lab_manager', 'regional_director', 'national', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_FR: Readonly<Record<Role, string>> = {
  project_lead: 'Chef·fe de projet',
  lab_manager: 'Responsable de lab',
  regional_director: 'Direction régionale',
  national: 'Direction nationale',
  admin: 'Administration',
};
