export interface BenchOptions {
  projects: number;
  labs: number;
  milestonesPerProject: number;
  seed: number;
  quick: boolean;
  // Seconds of load per scenario and connection count.
  duration: number;
  // PostgreSQL server to create the bench database on; embedded PostgreSQL when absent.
  databaseUrl?: string;
  keep: boolean;
  skipDashboard: boolean;
  skipExport: boolean;
  skipImport: boolean;
  // Only the import run (no load scenarios, exports or dashboard).
  onlyImport: boolean;
  // Project ids, rows and timings land here (bench-results/, gitignored).
  outDir: string;
  exportRows: number;
  explainRuns: number;
}

export const USAGE = `Usage : npm run bench -- [options]

  --projects N        projets générés (défaut 10000 : 50 labs, 20 jalons par projet)
  --labs N            nombre de labs (défaut 50)
  --milestones N      jalons par projet (défaut 20)
  --seed N            graine du générateur (défaut 2026)
  --quick             mesures courtes (3 s par scénario, 5 EXPLAIN), pour vérifier le banc
  --duration S        secondes de charge par scénario et par nombre de connexions (défaut 10)
  --database-url URL  serveur PostgreSQL où créer la base sillon_bench_<horodatage> (défaut : DATABASE_URL, sinon base embarquée)
  --embedded          base embarquée même si DATABASE_URL est défini
  --keep              garder la base (ou le dossier) du banc après la mesure
  --no-dashboard      sans la mesure du tableau de bord dans Chromium
  --no-export         sans la mesure des exports
  --no-import         sans la mesure de l'import d'un tableur (10 000 projets puis 10 000 jalons)
  --only-import       seulement l'import d'un tableur (ni charge, ni exports, ni tableau de bord)
  --export-rows N     lignes de jalons visées par les exports (défaut 100000)
`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`Argument inattendu : ${argv[i]}\n\n${USAGE}`);
    const takesValue = ['projects', 'labs', 'milestones', 'seed', 'duration', 'database-url', 'export-rows'].includes(match[1]);
    flags.set(match[1], match[2] ?? (takesValue ? (argv[++i] ?? '') : 'true'));
  }
  if (flags.has('help')) return 'help';
  const int = (name: string, fallback: number, min = 1) => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} doit être un entier ≥ ${min} (reçu « ${raw} »)`);
    return value;
  };
  const quick = flags.has('quick');
  const labs = int('labs', 50, 2);
  const projects = int('projects', 10_000, labs);
  return {
    projects,
    labs,
    milestonesPerProject: int('milestones', 20),
    seed: int('seed', 2026, 0),
    quick,
    duration: int('duration', quick ? 3 : 10),
    databaseUrl: flags.has('embedded') ? undefined : flags.get('database-url') || env['DATABASE_URL'] || undefined,
    keep: flags.has('keep'),
    skipDashboard: flags.has('no-dashboard'),
    skipExport: flags.has('no-export') || flags.has('only-import'),
    skipImport: flags.has('no-import'),
    onlyImport: flags.has('only-import'),
    outDir: 'bench-results',
    exportRows: int('export-rows', 100_000),
    explainRuns: quick ? 5 : 15,
  };
}
