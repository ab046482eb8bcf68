import { Route } from '@angular/router';
import { authGuard, roleGuard } from '@sillon/dashboard/auth/data-access';
import { ADMIN_ROLES, IMPORT_ROLES, JOURNAL_ROLES, PORTFOLIO_ROLES, REPORT_ROLES } from './shell/sections';

export const appRoutes: Route[] = [
  {
    path: 'connexion',
    loadComponent: () => import('./shell/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        title: 'Connexion · Sillon',
        loadComponent: () => import('@sillon/dashboard/auth/feature-sign-in').then((m) => m.SignIn),
      },
    ],
  },
  // Public pages, open without signing in.
  {
    path: 'vitrine',
    loadComponent: () => import('./shell/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        title: 'Vitrine des projets · Sillon',
        loadComponent: () => import('@sillon/dashboard/commons/feature-showcase').then((m) => m.Showcase),
      },
    ],
  },
  {
    path: 'accessibilite',
    loadComponent: () => import('./shell/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        title: "Déclaration d'accessibilité · Sillon",
        loadComponent: () => import('./shell/accessibility-statement').then((m) => m.AccessibilityStatement),
      },
    ],
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell/layout').then((m) => m.Layout),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Tableau de bord · Sillon',
        canActivate: [roleGuard(PORTFOLIO_ROLES)],
        loadComponent: () => import('@sillon/dashboard/home/feature-home').then((m) => m.Home),
      },
      {
        path: 'pipeline',
        title: 'Pipeline · Sillon',
        canActivate: [roleGuard(PORTFOLIO_ROLES)],
        loadComponent: () => import('@sillon/dashboard/pipeline/feature-board').then((m) => m.PipelineBoard),
      },
      {
        path: 'projets',
        title: 'Projets · Sillon',
        canActivate: [roleGuard(PORTFOLIO_ROLES)],
        loadComponent: () => import('@sillon/dashboard/projects/feature-project-list').then((m) => m.ProjectList),
      },
      {
        path: 'projets/:id',
        title: 'Projet · Sillon',
        canActivate: [roleGuard(PORTFOLIO_ROLES)],
        loadComponent: () => import('@sillon/dashboard/projects/feature-project-detail').then((m) => m.ProjectDetail),
      },
      {
        path: 'jalons',
        title: 'Jalons · Sillon',
        canActivate: [roleGuard(PORTFOLIO_ROLES)],
        loadComponent: () => import('@sillon/dashboard/milestones/feature-milestone-list').then((m) => m.MilestoneList),
      },
      {
        path: 'activites',
        title: 'Activités · Sillon',
        canActivate: [roleGuard(PORTFOLIO_ROLES)],
        loadComponent: () => import('@sillon/dashboard/activities/feature-activity-list').then((m) => m.ActivityList),
      },
      {
        path: 'rapports',
        title: 'Rapports · Sillon',
        canActivate: [roleGuard(REPORT_ROLES)],
        loadComponent: () => import('@sillon/dashboard/reports/feature-reports').then((m) => m.Reports),
      },
      {
        path: 'organisations',
        title: 'Organisations · Sillon',
        canActivate: [roleGuard(PORTFOLIO_ROLES)],
        loadComponent: () =>
          import('@sillon/dashboard/organisations/feature-organisation-list').then((m) => m.OrganisationList),
      },
      {
        path: 'organisations/:id',
        title: 'Organisation · Sillon',
        canActivate: [roleGuard(PORTFOLIO_ROLES)],
        loadComponent: () =>
          import('@sillon/dashboard/organisations/feature-organisation-detail').then((m) => m.OrganisationDetail),
      },
      {
        path: 'journal',
        title: 'Journal · Sillon',
        canActivate: [roleGuard(JOURNAL_ROLES)],
        loadComponent: () => import('@sillon/dashboard/audit/feature-journal').then((m) => m.Journal),
      },
      {
        path: 'import',
        title: 'Import · Sillon',
        canActivate: [roleGuard(IMPORT_ROLES)],
        loadComponent: () => import('@sillon/dashboard/imports/feature-import').then((m) => m.ImportPage),
      },
      {
        path: 'administration',
        title: 'Administration · Sillon',
        canActivate: [roleGuard(ADMIN_ROLES)],
        loadComponent: () => import('@sillon/dashboard/admin/feature-admin').then((m) => m.Administration),
      },
      {
        path: '**',
        title: 'Page introuvable · Sillon',
        loadComponent: () => import('./shell/not-found').then((m) => m.NotFound),
      },
    ],
  },
];
