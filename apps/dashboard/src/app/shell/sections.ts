import { Role } from '@sillon/contracts';

export const REPORT_ROLES: readonly Role[] = ['lab_manager', 'regional_director', 'admin'];
// Admins manage accounts, labs and regions; a lab manager edits their lab's gate criteria and sees its team.
export const ADMIN_ROLES: readonly Role[] = ['lab_manager', 'admin'];

export interface Section {
  readonly path: string;
  readonly label: string;
  // Roles that may open the section; absent means every signed-in person.
  readonly roles?: readonly Role[];
}

// The main navigation, in order. The routes in app.routes.ts guard the same roles.
export const SECTIONS: readonly Section[] = [
  { path: '/', label: 'Tableau de bord' },
  { path: '/pipeline', label: 'Pipeline' },
  { path: '/projets', label: 'Projets' },
  { path: '/jalons', label: 'Jalons' },
  { path: '/rapports', label: 'Rapports', roles: REPORT_ROLES },
  { path: '/organisations', label: 'Organisations' },
  { path: '/administration', label: 'Administration', roles: ADMIN_ROLES },
];
