// Moving a lab in from its spreadsheet: what can be imported, the fields of each kind, and the
// answers of the analysis, the dry run and the import.
export const IMPORT_KINDS = ['projects', 'milestones', 'organisations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS_FR: Readonly<Record<ImportKind, string>> = {
  projects: 'Projets',
  milestones: 'Jalons',
  organisations: 'Organisations',
};

// Limits of one file.
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export interface ImportFieldSpec {
  field: string;
  // French, as the mapping step shows it.
  label: string;
  required: boolean;
}

export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportFieldSpec[]>> = {
  projects: [
    { field: 'name', label: 'Nom du projet', required: true },
    { field: 'code', label: 'Code du projet', required: false },
    { field: 'summary', label: 'Résumé', required: false },
    { field: 'stage', label: 'Étape', required: false },
    { field: 'status', label: 'Statut', required: false },
    { field: 'statusReason', label: 'Motif du statut', required: false },
    { field: 'health', label: 'Santé', required: false },
    { field: 'themes', label: 'Thématiques', required: false },
    { field: 'departments', label: 'Départements', required: false },
    { field: 'startDate', label: 'Date de début', required: false },
  ],
  milestones: [
    { field: 'project', label: 'Projet (code ou nom)', required: true },
    { field: 'title', label: 'Intitulé du jalon', required: true },
    { field: 'kind', label: 'Type de jalon', required: true },
    { field: 'dueOn', label: 'Date prévue', required: true },
    { field: 'stage', label: 'Étape', required: false },
    { field: 'status', label: 'Statut', required: false },
    { field: 'completedOn', label: 'Date de réalisation', required: false },
    { field: 'participantCount', label: 'Participants', required: false },
  ],
  organisations: [
    { field: 'name', label: "Nom de l'organisation", required: true },
    { field: 'type', label: "Type d'organisation", required: true },
    { field: 'siret', label: 'SIRET', required: false },
    { field: 'department', label: 'Département', required: false },
  ],
};

// Sillon field → column header of the file.
export type ImportMapping = Record<string, string>;

// POST /api/v1/imports/analyse (multipart: file, kind).
export interface ImportAnalysis {
  kind: ImportKind;
  fileName: string;
  columns: string[];
  // The first rows, as text, in the order of columns.
  sample: string[][];
  rowCount: number;
  suggestedMapping: ImportMapping;
}

export const IMPORT_ROW_STATUSES = ['create', 'unchanged', 'error'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

export const IMPORT_ROW_STATUS_LABELS_FR: Readonly<Record<ImportRowStatus, string>> = {
  create: 'À créer',
  unchanged: 'Déjà présent',
  error: 'Erreur',
};

export interface ImportRowReport {
  // The row number the spreadsheet shows (the header is row 1).
  line: number;
  status: ImportRowStatus;
  // What the row names (a project's name, a milestone's title), for a person.
  label: string;
  // French, each naming its column.
  messages: string[];
}

// POST /api/v1/imports/dry-run and POST /api/v1/imports (multipart: file, kind, mapping as JSON).
export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  total: number;
  // Rows to create (dry run) or created (import).
  created: number;
  unchanged: number;
  errors: number;
  // Errors first, then by line.
  rows: ImportRowReport[];
}
