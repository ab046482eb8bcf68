import {
  Health,
  HEALTHS,
  HEALTH_LABELS_FR,
  IMPORT_FIELDS,
  ImportKind,
  ImportMapping,
  MILESTONE_KIND_LABELS_FR,
  MILESTONE_KINDS,
  MILESTONE_KINDS_WITH_PARTICIPANTS,
  MILESTONE_STATUS_LABELS_FR,
  MILESTONE_STATUSES,
  MilestoneKind,
  MilestoneStatus,
  ORGANISATION_TYPE_LABELS_FR,
  ORGANISATION_TYPES,
  OrganisationType,
  PROJECT_NAME_MAX,
  PROJECT_STATUS_LABELS_FR,
  PROJECT_STATUS_REASON_MAX,
  PROJECT_STATUSES,
  PROJECT_SUMMARY_MAX,
  ProjectStatus,
  Stage,
  STAGE_LABELS_FR,
  STAGES,
  Theme,
  THEME_LABELS_FR,
  THEMES,
} from '@sillon/contracts';
import { Cell, cellText, normaliseText, parseChoice, parseCount, parseDateCell, parseDepartment, parseSiret, splitList } from './import-values';
import { SpreadsheetRow } from './spreadsheet-reader';

export interface ProjectDraft {
  // 'code:<the file's code>' when the code column is mapped and filled, else 'name:<normalised name>'.
  key: string;
  name: string;
  summary: string;
  stage: Stage;
  status: ProjectStatus;
  statusReason: string | null;
  health: Health;
  themes: Theme[];
  departments: string[];
  startDate: string | null;
}

export interface MilestoneDraft {
  // A project's code, or its name.
  project: string;
  title: string;
  kind: MilestoneKind;
  stage: Stage | null;
  dueOn: string;
  status: MilestoneStatus;
  completedOn: string | null;
  participantCount: number | null;
}

export interface OrganisationDraft {
  // 'siret:<14 digits>' or 'name:<normalised name>'.
  key: string;
  name: string;
  type: OrganisationType;
  siret: string | null;
  department: string | null;
}

export type Draft = ProjectDraft | MilestoneDraft | OrganisationDraft;

// One row read against the mapping: its values, and the French message of each problem, naming
// the row and the column as the spreadsheet shows them.
export interface ReadRow<T> {
  line: number;
  label: string;
  messages: string[];
  draft: T | null;
}

const list = (labels: Readonly<Record<string, string>>) => Object.values(labels).join(', ');

// The columns of the file, by field, for one row.
class RowCells {
  readonly messages: string[] = [];

  constructor(
    private readonly kind: ImportKind,
    private readonly columns: readonly string[],
    private readonly mapping: ImportMapping,
    readonly row: SpreadsheetRow,
  ) {}

  cell(field: string): Cell {
    const column = this.mapping[field];
    if (!column) return null;
    const index = this.columns.indexOf(column);
    return index < 0 ? null : this.row.cells[index];
  }

  text(field: string): string {
    return cellText(this.cell(field));
  }

  fail(field: string, message: string): null {
    const column = this.mapping[field] ?? IMPORT_FIELDS[this.kind].find((f) => f.field === field)?.label ?? field;
    this.messages.push(`Ligne ${this.row.line}, colonne « ${column} » : ${message}`);
    return null;
  }

  required(field: string, max: number): string | null {
    const value = this.text(field);
    if (!value) return this.fail(field, 'ce champ est obligatoire.');
    if (value.length > max) return this.fail(field, `${max} caractères au maximum (${value.length} ici).`);
    return value;
  }

  optional(field: string, max: number): string | null {
    const value = this.text(field);
    if (!value) return null;
    if (value.length > max) return this.fail(field, `${max} caractères au maximum (${value.length} ici).`);
    return value;
  }

  choice<T extends string>(field: string, codes: readonly T[], labels: Readonly<Record<T, string>>, what: string): T | null {
    const cell = this.cell(field);
    if (!cellText(cell)) return null;
    return parseChoice(cell, codes, labels) ?? this.fail(field, `« ${cellText(cell)} » n'est pas ${what} (${list(labels)}).`);
  }

  date(field: string): string | null {
    const cell = this.cell(field);
    if (!cellText(cell)) return null;
    return parseDateCell(cell) ?? this.fail(field, `« ${cellText(cell)} » n'est pas une date (attendu : 27/11/2026 ou 2026-11-27).`);
  }

  departments(field: string): string[] {
    const codes: string[] = [];
    const cell = this.cell(field);
    // A workbook's 59 is a number.
    const parts = typeof cell === 'number' ? [String(cell)] : splitList(cell);
    for (const part of parts) {
      const code = parseDepartment(part);
      if (code) {
        if (!codes.includes(code)) codes.push(code);
      } else {
        this.fail(field, `« ${part} » n'est pas un département (code INSEE comme 59, 2A, 974, ou son nom).`);
      }
    }
    return codes;
  }
}

export function readProjectRow(columns: readonly string[], mapping: ImportMapping, row: SpreadsheetRow): ReadRow<ProjectDraft> {
  const r = new RowCells('projects', columns, mapping, row);
  const name = r.required('name', PROJECT_NAME_MAX);
  const code = r.optional('code', 100);
  const summary = r.optional('summary', PROJECT_SUMMARY_MAX) ?? '';
  const stage = r.choice('stage', STAGES, STAGE_LABELS_FR, 'une étape connue') ?? 'co_design';
  const status = r.choice('status', PROJECT_STATUSES, PROJECT_STATUS_LABELS_FR, 'un statut connu') ?? 'active';
  const statusReason = r.optional('statusReason', PROJECT_STATUS_REASON_MAX);
  if ((status === 'stopped' || status === 'scaled') && !statusReason) {
    r.fail(mapping['statusReason'] ? 'statusReason' : 'status', `un projet ${PROJECT_STATUS_LABELS_FR[status].toLowerCase()} demande son motif (colonne « Motif du statut »).`);
  }
  const health = r.choice('health', HEALTHS, HEALTH_LABELS_FR, 'une santé connue') ?? 'green';
  const themes: Theme[] = [];
  for (const part of splitList(r.cell('themes'))) {
    const theme = parseChoice(part, THEMES, THEME_LABELS_FR);
    if (theme) {
      if (!themes.includes(theme)) themes.push(theme);
    } else {
      r.fail('themes', `« ${part} » n'est pas une thématique connue (${list(THEME_LABELS_FR)}).`);
    }
  }
  const departments = r.departments('departments');
  const startDate = r.date('startDate');
  const label = name ?? r.text('name');
  if (r.messages.length || !name) return { line: row.line, label, messages: r.messages, draft: null };
  const key = code ? `code:${code.toUpperCase()}` : `name:${normaliseText(name)}`;
  return {
    line: row.line,
    label: code ? `${code} · ${name}` : name,
    messages: [],
    draft: { key, name, summary, stage, status, statusReason, health, themes, departments, startDate },
  };
}

export function readMilestoneRow(columns: readonly string[], mapping: ImportMapping, row: SpreadsheetRow, today: string): ReadRow<MilestoneDraft> {
  const r = new RowCells('milestones', columns, mapping, row);
  const project = r.required('project', PROJECT_NAME_MAX);
  const title = r.required('title', 200);
  const kind = r.choice('kind', MILESTONE_KINDS, MILESTONE_KIND_LABELS_FR, 'un type de jalon connu');
  if (!kind && !r.text('kind')) r.fail('kind', 'ce champ est obligatoire.');
  const dueOn = r.date('dueOn');
  if (!dueOn && !r.text('dueOn')) r.fail('dueOn', 'ce champ est obligatoire.');
  const stage = r.choice('stage', STAGES, STAGE_LABELS_FR, 'une étape connue');
  const completedOn = r.date('completedOn');
  const status = r.choice('status', MILESTONE_STATUSES, MILESTONE_STATUS_LABELS_FR, 'un statut de jalon connu') ?? (completedOn ? 'done' : 'planned');
  if (status === 'done' && !completedOn && !r.text('completedOn')) r.fail(mapping['completedOn'] ? 'completedOn' : 'status', 'un jalon réalisé demande sa date de réalisation.');
  if (status !== 'done' && completedOn) r.fail('completedOn', `seul un jalon réalisé a une date de réalisation (statut « ${MILESTONE_STATUS_LABELS_FR[status]} »).`);
  if (completedOn && completedOn > today) r.fail('completedOn', 'la date de réalisation ne peut pas être dans le futur.');
  let participantCount: number | null = null;
  if (r.text('participantCount')) {
    participantCount = parseCount(r.cell('participantCount'));
    if (participantCount === null) r.fail('participantCount', `« ${r.text('participantCount')} » n'est pas un nombre entier de participants.`);
    else if (kind && !MILESTONE_KINDS_WITH_PARTICIPANTS.includes(kind)) {
      r.fail('participantCount', `seuls les ateliers, événements et formations comptent des participants (type « ${MILESTONE_KIND_LABELS_FR[kind]} »).`);
    }
  }
  const label = title ?? r.text('title');
  if (r.messages.length || !project || !title || !kind || !dueOn) return { line: row.line, label, messages: r.messages, draft: null };
  return {
    line: row.line,
    label: `${project} · ${title}`,
    messages: [],
    draft: { project, title, kind, stage, dueOn, status, completedOn, participantCount },
  };
}

export function readOrganisationRow(columns: readonly string[], mapping: ImportMapping, row: SpreadsheetRow): ReadRow<OrganisationDraft> {
  const r = new RowCells('organisations', columns, mapping, row);
  const name = r.required('name', 200);
  const type = r.choice('type', ORGANISATION_TYPES, ORGANISATION_TYPE_LABELS_FR, "un type d'organisation connu");
  if (!type && !r.text('type')) r.fail('type', 'ce champ est obligatoire.');
  let siret: string | null = null;
  if (r.text('siret')) {
    siret = parseSiret(r.cell('siret'));
    if (!siret) r.fail('siret', `« ${r.text('siret')} » n'est pas un SIRET valide (14 chiffres avec une clé de contrôle valide).`);
  }
  const [department = null, ...more] = r.departments('department');
  if (more.length) r.fail('department', 'un seul département est attendu.');
  const label = name ?? r.text('name');
  if (r.messages.length || !name || !type) return { line: row.line, label, messages: r.messages, draft: null };
  return {
    line: row.line,
    label: name,
    messages: [],
    draft: { key: siret ? `siret:${siret}` : `name:${normaliseText(name)}`, name, type, siret, department },
  };
}
