import { STAGE_LABELS_FR, STAGES, THEME_LABELS_FR } from '@sillon/contracts';
import { HttpSession } from './http-session';

export interface ImportStep {
  step: 'analyse' | 'dry-run' | 'import' | 're-import';
  status: number;
  seconds: number;
  created: number | null;
  unchanged: number | null;
  errors: number | null;
}

export interface ImportResult {
  kind: 'projects' | 'milestones';
  rows: number;
  bytes: number;
  steps: ImportStep[];
}

const THEME_LABELS = Object.values(THEME_LABELS_FR);
const DEPARTMENTS = ['59', '62', '80', '02', '60', 'Nord (59)', 'Pas-de-Calais'];

const line = (cells: string[]) => cells.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';');

// A lab's tracker as a French spreadsheet saves it: UTF-8 with its BOM, ';', French labels and dates.
export function projectsCsv(rows: number): Buffer {
  const out = [line(['Code', 'Nom du projet', 'Résumé', 'Étape', 'Statut', 'Thématiques', 'Départements', 'Date de début'])];
  for (let i = 1; i <= rows; i++) {
    const n = String(i).padStart(5, '0');
    out.push(
      line([
        `TAB-${n}`,
        `Projet importé ${n} : tiers-lieu et médiation numérique`,
        'Repris du tableur de suivi du lab, ligne par ligne.',
        STAGE_LABELS_FR[STAGES[i % STAGES.length]],
        'Actif',
        `${THEME_LABELS[i % THEME_LABELS.length]}; ${THEME_LABELS[(i + 3) % THEME_LABELS.length]}`,
        DEPARTMENTS[i % DEPARTMENTS.length],
        `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2025`,
      ]),
    );
  }
  return Buffer.from(`\uFEFF${out.join('\r\n')}\r\n`, 'utf8');
}

// One milestone for each project of projectsCsv, named by its code.
export function milestonesCsv(rows: number): Buffer {
  const out = [line(['Projet', 'Jalon', 'Type', 'Date prévue', 'Participants'])];
  for (let i = 1; i <= rows; i++) {
    const n = String(i).padStart(5, '0');
    out.push(line([`TAB-${n}`, `Atelier de lancement ${n}`, 'Atelier', `${String((i % 28) + 1).padStart(2, '0')}/06/2027`, String(i % 40)]));
  }
  return Buffer.from(`\uFEFF${out.join('\r\n')}\r\n`, 'utf8');
}

const PROJECT_MAPPING = {
  code: 'Code',
  name: 'Nom du projet',
  summary: 'Résumé',
  stage: 'Étape',
  status: 'Statut',
  themes: 'Thématiques',
  departments: 'Départements',
  startDate: 'Date de début',
};
const MILESTONE_MAPPING = { project: 'Projet', title: 'Jalon', kind: 'Type', dueOn: 'Date prévue', participantCount: 'Participants' };

async function post(baseUrl: string, session: HttpSession, path: string, file: Buffer, fields: Record<string, string>): Promise<{ status: number; seconds: number; body: Record<string, unknown> }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set('file', new Blob([new Uint8Array(file)], { type: 'text/csv' }), 'suivi.csv');
  // The session's write headers, less the JSON content type: fetch writes the multipart boundary.
  const headers = Object.fromEntries(Object.entries(session.writeHeaders).filter(([name]) => name !== 'content-type'));
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/imports${path}`, { method: 'POST', headers, body: form });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, seconds: (performance.now() - started) / 1000, body };
}

// Analysis, dry run, import and the same import again, each timed from the request to the whole answer.
export async function runImport(baseUrl: string, session: HttpSession, kind: ImportResult['kind'], rows: number): Promise<ImportResult> {
  const file = kind === 'projects' ? projectsCsv(rows) : milestonesCsv(rows);
  const mapping = JSON.stringify(kind === 'projects' ? PROJECT_MAPPING : MILESTONE_MAPPING);
  const steps: ImportStep[] = [];
  const count = (body: Record<string, unknown>, key: string) => (typeof body[key] === 'number' ? (body[key] as number) : null);
  for (const step of ['analyse', 'dry-run', 'import', 're-import'] as const) {
    const path = step === 'analyse' ? '/analyse' : step === 'dry-run' ? '/dry-run' : '';
    const res = await post(baseUrl, session, path, file, step === 'analyse' ? { kind } : { kind, mapping });
    steps.push({ step, status: res.status, seconds: res.seconds, created: count(res.body, 'created'), unchanged: count(res.body, 'unchanged'), errors: count(res.body, 'errors') });
  }
  return { kind, rows, bytes: file.length, steps };
}
