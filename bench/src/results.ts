import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DashboardResult } from './dashboard-run';
import type { ExplainResult } from './explain';
import type { ExportResult } from './export-run';
import type { ImportResult } from './import-run';
import type { LoadResult } from './load-test';

export interface ScenarioResult {
  id: string;
  title: string;
  write: boolean;
  pgMs: number;
  pgStatements: ExplainResult['statements'];
  planOk: boolean;
  planNotes: string[];
  one: LoadResult;
  ten: LoadResult;
  // p95 at 1 connection over PostgreSQL's own time.
  ratio: number;
  targets: { name: string; met: boolean; detail: string }[];
}

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; node: string; loadAverage: number[] };
  database: string;
  scale: { projects: number; labs: number; milestones: number; rows: Record<string, number>; loadSeconds: number };
  scenarios: ScenarioResult[];
  exports: ExportResult[];
  imports: ImportResult[];
  dashboard: DashboardResult | null;
  notes: string[];
}

const f = (n: number | null | undefined, digits = 1) => (n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));

export function formatTable(report: BenchReport): string {
  const lines: string[] = [];
  const head = ['scénario', 'PG ms', 'c1 req/s', 'c1 p50', 'c1 p95', 'c1 p99', 'p95/PG', 'c10 req/s', 'c10 p50', 'c10 p95', 'c10 p99', 'API CPU ms/req', 'base CPU ms/req', 'err', 'plan', 'objectifs'];
  const rows = report.scenarios.map((s) => [
    s.id,
    f(s.pgMs, 2),
    f(s.one.rps, 0),
    f(s.one.p50, 2),
    f(s.one.p95, 2),
    f(s.one.p99, 2),
    f(s.ratio, 1),
    f(s.ten.rps, 0),
    f(s.ten.p50, 1),
    f(s.ten.p95, 1),
    f(s.ten.p99, 1),
    f(s.ten.apiCpuMsPerRequest, 2),
    f(s.ten.dbCpuMsPerRequest, 2),
    String(s.one.errors + s.ten.errors),
    s.planOk ? 'ok' : 'NON',
    s.targets.map((t) => `${t.met ? '✓' : '✗'} ${t.name}`).join(', '),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const fmt = (cells: string[]) => cells.map((cell, c) => (c === 0 || c === cells.length - 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  lines.push(`Base : ${report.database} — ${report.scale.projects} projets, ${report.scale.labs} labs, ${report.scale.rows['milestone'] ?? 0} jalons (chargés en ${f(report.scale.loadSeconds)} s)`);
  lines.push(`Machine : ${report.machine.cpus} cœurs, Node ${report.machine.node}, charge ${report.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}`);
  lines.push('');
  lines.push(fmt(head));
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) lines.push(fmt(row));
  lines.push('');
  for (const s of report.scenarios) {
    const notes = [...s.planNotes, ...s.targets.filter((t) => !t.met).map((t) => `${t.name} : ${t.detail}`)];
    if (notes.length) lines.push(`${s.id} : ${notes.join(' ; ')}`);
  }
  if (report.exports.length) {
    lines.push('');
    for (const e of report.exports) {
      lines.push(
        `Export ${e.format.toUpperCase()} : ${e.rows} lignes de jalons, ${f(e.bytes / 1_048_576)} Mo en ${f(e.seconds, 2)} s = ${f(e.rowsPerSecond, 0)} lignes/s, ` +
          `RSS +${f(e.rssGrowthMb)} Mo (HTTP ${e.status}) ${e.rowsPerSecond >= 20_000 && (e.rssGrowthMb ?? 0) < 150 ? '✓' : '✗'}`,
      );
    }
  }
  if (report.imports.length) {
    lines.push('');
    for (const i of report.imports) {
      const imported = i.steps.find((s) => s.step === 'import');
      const ok = imported?.status === 201 && imported.created === i.rows && imported.seconds < 10;
      lines.push(
        `Import CSV de ${i.rows} ${i.kind === 'projects' ? 'projets' : 'jalons'} (${f(i.bytes / 1_048_576)} Mo) : ` +
          i.steps.map((s) => `${s.step} ${f(s.seconds, 2)} s (HTTP ${s.status}, ${s.created ?? '—'} créés, ${s.unchanged ?? '—'} déjà là, ${s.errors ?? '—'} erreurs)`).join(' ; ') +
          ` ${ok ? '✓' : '✗'} < 10 s`,
      );
    }
  }
  if (report.dashboard) {
    const d = report.dashboard;
    lines.push('');
    lines.push(
      d.error
        ? `Tableau de bord : ${d.error}`
        : `Tableau de bord : pipeline d'un lab de ${d.projects} projets (${d.cards} cartes affichées) rendu en ${f(d.renderMs, 0)} ms ` +
            `(médiane de ${d.runsMs.map((ms) => ms.toFixed(0)).join(', ')}) ${d.renderMs !== null && d.renderMs < 1500 ? '✓' : '✗'}, ` +
            `toutes les cartes chargées en ${f(d.allCardsMs, 0)} ms (${d.allCardsRunsMs.map((ms) => ms.toFixed(0)).join(', ')}) ; ` +
            `JavaScript initial ${f(d.initialJsGzipKb)} Ko gzip (${d.initialJsFiles} fichiers, ${f(d.initialJsRawKb)} Ko bruts, ${d.compression})`,
    );
    if (!d.error && d.phases) {
      const p = d.phases;
      lines.push(
        `  étapes (ms après la navigation, médianes) : scripts initiaux ${f(p.initialScripts, 0)}, session demandée ${f(p.sessionRequest, 0)}, ` +
          `scripts différés ${f(p.lazyScripts, 0)}, colonnes demandées ${f(p.columnsRequested, 0)} et reçues ${f(p.columnsAnswered, 0)}, tableau rendu ${f(p.rendered, 0)}`,
      );
    }
  }
  for (const note of report.notes) lines.push(note);
  return lines.join('\n');
}

export function writeReport(outDir: string, report: BenchReport): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
