import {
  ACTIVITY_ACTOR_LABELS_FR,
  ACTIVITY_KIND_LABELS_FR,
  HEALTH_LABELS_FR,
  MILESTONE_KIND_LABELS_FR,
  MILESTONE_STATUS_LABELS_FR,
  ORGANISATION_TYPE_LABELS_FR,
  PortfolioReport,
  PROJECT_STATUS_LABELS_FR,
  REPORT_TABLE_LABELS_FR,
  ReportMilestone,
  ReportTable,
  STAGE_LABELS_FR,
  THEME_LABELS_FR,
} from '@sillon/contracts';
import { departmentLabel } from '@sillon/util';

// The tables of a report as the exports lay them out: French headers, one type per column.
// CSV and XLSX read the same definitions, so both files always carry the same rows and columns.
// Départements are written by name with their code (Nord (59)): a person reads these files.

export type CellType = 'text' | 'int' | 'decimal' | 'cents' | 'date';
export type CellValue = string | number | null;

export interface ReportColumn<R> {
  header: string;
  type: CellType;
  // Characters, for the XLSX column width.
  width: number;
  value(row: R): CellValue;
}

export interface ExportTable<R = unknown> {
  // A report table (ReportTable), or another export written by the same writers (the projects list).
  key: string;
  title: string;
  // File name part of the CSV (sillon-rapport-2026-11-27-projets.csv).
  slug: string;
  columns: ReportColumn<R>[];
  // Pages of rows: one for the figures, many for the milestones streamed from the database.
  pages: () => AsyncIterable<R[]>;
}

const SLUGS: Record<ReportTable, string> = {
  byStage: 'projets-par-etape',
  byStatus: 'projets-par-statut',
  byTheme: 'projets-par-theme',
  byDepartment: 'projets-par-departement',
  funnel: 'entrees-sorties-par-etape',
  timeInStage: 'duree-par-etape',
  milestoneOutcomes: 'jalons-resultats',
  participants: 'participants',
  activitiesByKind: 'activites-par-type',
  activitiesByActor: 'activites-participants',
  funding: 'financements',
  projects: 'projets',
  milestones: 'jalons',
};

async function* once<R>(rows: R[]): AsyncIterable<R[]> {
  yield rows;
}

const col = <R>(header: string, type: CellType, width: number, value: (row: R) => CellValue): ReportColumn<R> => ({ header, type, width, value });

function table<R>(key: ReportTable, rows: R[] | (() => AsyncIterable<R[]>), columns: ReportColumn<NoInfer<R>>[]): ExportTable<R> {
  return { key, title: REPORT_TABLE_LABELS_FR[key], slug: SLUGS[key], columns, pages: Array.isArray(rows) ? () => once(rows) : rows };
}

export function reportTables(report: PortfolioReport, milestonePages: () => AsyncIterable<ReportMilestone[]>): ExportTable[] {
  const outcomes = report.milestoneOutcomes;
  const tables = [
    table('byStage', report.byStage, [col('Étape', 'text', 24, (r) => STAGE_LABELS_FR[r.stage]), col('Projets', 'int', 10, (r) => r.count)]),
    table('byStatus', report.byStatus, [col('Statut', 'text', 16, (r) => PROJECT_STATUS_LABELS_FR[r.status]), col('Projets', 'int', 10, (r) => r.count)]),
    table('byTheme', report.byTheme, [
      col('Thème', 'text', 28, (r) => (r.theme ? THEME_LABELS_FR[r.theme] : 'Sans thème')),
      col('Projets', 'int', 10, (r) => r.count),
    ]),
    table('byDepartment', report.byDepartment, [
      col('Département', 'text', 28, (r) => (r.department ? departmentLabel(r.department) : 'Non renseigné')),
      col('Projets', 'int', 10, (r) => r.count),
    ]),
    table('funnel', report.funnel, [
      col('Étape', 'text', 24, (r) => STAGE_LABELS_FR[r.stage]),
      col('Entrées', 'int', 10, (r) => r.entered),
      col('Sorties', 'int', 10, (r) => r.left),
    ]),
    table('timeInStage', report.timeInStage, [
      col('Étape', 'text', 24, (r) => STAGE_LABELS_FR[r.stage]),
      col('Séjours', 'int', 10, (r) => r.stays),
      col('Durée médiane (jours)', 'decimal', 22, (r) => r.medianDays),
      col('90e centile (jours)', 'decimal', 20, (r) => r.p90Days),
    ]),
    table(
      'milestoneOutcomes',
      [
        { label: 'Réalisés à temps', count: outcomes.doneOnTime },
        { label: 'Réalisés en retard', count: outcomes.doneLate },
        { label: 'En retard, non réalisés', count: outcomes.overdue },
      ],
      [col('Résultat', 'text', 36, (r) => r.label), col('Jalons', 'int', 10, (r) => r.count)],
    ),
    table('participants', report.participants, [
      col('Type', 'text', 16, (r) => MILESTONE_KIND_LABELS_FR[r.kind]),
      col('Jalons réalisés', 'int', 16, (r) => r.milestones),
      col('Participants', 'int', 14, (r) => r.participants),
    ]),
    // Lab activities beyond the projects: a total row closes each table.
    table('activitiesByKind', [...report.activities.byKind.map((r) => ({ label: ACTIVITY_KIND_LABELS_FR[r.kind], ...r })), { label: 'Total', ...report.activities.totals }], [
      col('Type', 'text', 16, (r) => r.label),
      col('Activités', 'int', 12, (r) => r.activities),
      col('Participants', 'int', 14, (r) => r.participants),
    ]),
    table(
      'activitiesByActor',
      [
        ...report.activities.byActorType.map((r) => ({ label: ACTIVITY_ACTOR_LABELS_FR[r.actorType], participants: r.participants })),
        { label: 'Total', participants: report.activities.totals.participants },
      ],
      [col('Acteurs', 'text', 16, (r) => r.label), col('Participants', 'int', 14, (r) => r.participants)],
    ),
    table('funding', report.funding, [
      col('Type de financeur', 'text', 22, (r) => (r.funderType ? ORGANISATION_TYPE_LABELS_FR[r.funderType] : 'Non renseigné')),
      col('Lignes', 'int', 10, (r) => r.lines),
      col('Demandé (€)', 'cents', 18, (r) => r.requestedCents),
      col('Accordé (€)', 'cents', 18, (r) => r.grantedCents),
      col('Reçu (€)', 'cents', 18, (r) => r.receivedCents),
    ]),
    table('projects', report.projects, [
      col('Code', 'text', 16, (r) => r.code),
      col('Nom', 'text', 40, (r) => r.name),
      col('Lab', 'text', 24, (r) => r.labName),
      col('Étape', 'text', 22, (r) => STAGE_LABELS_FR[r.stage]),
      col('Statut', 'text', 12, (r) => PROJECT_STATUS_LABELS_FR[r.status]),
      col('Santé', 'text', 14, (r) => HEALTH_LABELS_FR[r.health]),
      col('Chef·fe de projet', 'text', 24, (r) => r.leadName),
      col('Thèmes', 'text', 36, (r) => r.themes.map((t) => THEME_LABELS_FR[t] ?? t).join(', ')),
      col('Départements', 'text', 28, (r) => r.departments.map(departmentLabel).join(', ')),
      col('Date de début', 'date', 14, (r) => r.startDate),
    ]),
    table('milestones', milestonePages, [
      col('Code projet', 'text', 16, (r) => r.projectCode),
      col('Projet', 'text', 32, (r) => r.projectName),
      col('Jalon', 'text', 40, (r) => r.title),
      col('Type', 'text', 18, (r) => MILESTONE_KIND_LABELS_FR[r.kind]),
      col('Étape', 'text', 22, (r) => STAGE_LABELS_FR[r.stage]),
      col('Échéance', 'date', 12, (r) => r.dueOn),
      col('Réalisé le', 'date', 12, (r) => r.completedOn),
      col('Statut', 'text', 10, (r) => MILESTONE_STATUS_LABELS_FR[r.status]),
      col('Participants', 'int', 13, (r) => r.participantCount),
    ]),
  ];
  return tables as ExportTable[];
}

// Lines of the summary sheet / cover: the scope and the key figures, as label and value.
export function summaryLines(report: PortfolioReport): { label: string; type: CellType; value: CellValue }[] {
  const { scope, keyFigures: k } = report;
  const list = (values: string[], empty: string) => (values.length ? values.join(', ') : empty);
  return [
    { label: 'Début de la période', type: 'date', value: scope.from },
    { label: 'Fin de la période', type: 'date', value: scope.to },
    { label: 'Portefeuille au', type: 'date', value: scope.asOf },
    { label: 'Labs', type: 'text', value: list(scope.labs.map((l) => l.name), 'Aucun') },
    { label: 'Étapes', type: 'text', value: list(scope.stages.map((s) => STAGE_LABELS_FR[s]), 'Toutes') },
    { label: 'Statuts', type: 'text', value: list(scope.statuses.map((s) => PROJECT_STATUS_LABELS_FR[s]), 'Tous') },
    { label: 'Thèmes', type: 'text', value: list(scope.themes.map((t) => THEME_LABELS_FR[t]), 'Tous') },
    { label: 'Départements', type: 'text', value: list(scope.departments.map(departmentLabel), 'Tous') },
    { label: 'Projets', type: 'int', value: k.projects },
    { label: 'Projets actifs', type: 'int', value: k.activeProjects },
    { label: 'Nouveaux projets sur la période', type: 'int', value: k.newProjects },
    { label: 'Jalons réalisés', type: 'int', value: k.milestonesDone },
    { label: 'Jalons en retard', type: 'int', value: k.milestonesOverdue },
    { label: 'Participants', type: 'int', value: k.participants },
    { label: 'Activités du lab', type: 'int', value: report.activities.totals.activities },
    { label: 'Participants aux activités du lab', type: 'int', value: report.activities.totals.participants },
    { label: 'Financements accordés (€)', type: 'cents', value: k.fundingGrantedCents },
  ];
}
