import { Role } from '@sillon/contracts';

// Administrators run the deployment (regions, labs, accounts) and do not read the portfolio; a
// national account reads every region's, without contacts nor journal (personal data).
export const PORTFOLIO_ROLES: readonly Role[] = ['project_lead', 'lab_manager', 'regional_director', 'national'];
export const REPORT_ROLES: readonly Role[] = ['lab_manager', 'regional_director', 'national'];
// Admins manage accounts, labs and regions; a lab manager edits their lab's gate criteria and sees its team.
export const ADMIN_ROLES: readonly Role[] = ['lab_manager', 'admin'];
// The lab's journal (audit trail): the API serves it to lab managers only.
export const JOURNAL_ROLES: readonly Role[] = ['lab_manager'];
// Moving a lab's spreadsheet in: the API takes it from lab managers only, into their lab.
export const IMPORT_ROLES: readonly Role[] = ['lab_manager'];

export interface Section {
  readonly path: string;
  readonly label: string;
  // Roles that may open the section.
  readonly roles: readonly Role[];
}

// The main navigation, in order. The routes in app.routes.ts guard the same roles.
export const SECTIONS: readonly Section[] = [
  { path: '/', label: 'Tableau de bord', roles: PORTFOLIO_ROLES },
  { path: '/pipeline', label: 'Pipeline', roles: PORTFOLIO_ROLES },
  { path: '/projets', label: 'Projets', roles: PORTFOLIO_ROLES },
  { path: '/jalons', label: 'Jalons', roles: PORTFOLIO_ROLES },
  { path: '/activites', label: 'Activités', roles: PORTFOLIO_ROLES },
  { path: '/rapports', label: 'Rapports', roles: REPORT_ROLES },
  { path: '/organisations', label: 'Organisations', roles: PORTFOLIO_ROLES },
  { path: '/journal', label: 'Journal', roles: JOURNAL_ROLES },
  { path: '/import', label: 'Import', roles: IMPORT_ROLES },
  { path: '/administration', label: 'Administration', roles: ADMIN_ROLES },
];
