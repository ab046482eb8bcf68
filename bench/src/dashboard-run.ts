import { Browser, chromium, Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { HttpSession } from './http-session';

export interface DashboardResult {
  // Projects of the lab on the board, and the cards the board rendered (it pages each column).
  projects: number;
  cards: number;
  // Median over the runs, from navigation to a rendered board: its five columns with their first cards
  // (the board draws a screenful per column first, the rest a few per frame).
  renderMs: number | null;
  runsMs: number[];
  // Median over the runs, from navigation to every loaded card drawn (the first page of 50 per column).
  allCardsMs: number | null;
  allCardsRunsMs: number[];
  initialJsFiles: number;
  initialJsRawKb: number;
  initialJsGzipKb: number;
  // Whether the API compressed the scripts itself, or their gzip size was computed here.
  compression: string;
  // Bytes of those scripts as they crossed the wire (brotli or gzip when the API compressed them).
  initialJsTransferredKb: number;
  // Where the time went (median over the runs, ms after navigation start, as the page's own clock saw it):
  // initial scripts received, session asked, lazy chunks received, first and last column answers, rendered.
  phases: DashboardPhases | null;
  error?: string;
}

export interface DashboardPhases {
  initialScripts: number;
  sessionRequest: number;
  lazyScripts: number;
  columnsRequested: number;
  columnsAnswered: number;
  rendered: number;
}

const RUNS = 3;

// The board is rendered when its five stage columns are there, the loading message has gone and
// every column announcing projects shows its first cards.
const BOARD_RENDERED = () => {
  const page = globalThis as { sillonBoardRenderedAt?: number };
  if (page.sillonBoardRenderedAt) return true;
  const columns = Array.from(document.querySelectorAll('.board .column'));
  if (columns.length !== 5) return false;
  const status = document.querySelector('.summary[role="status"]')?.textContent ?? '';
  if (!status.trim() || status.includes('Chargement')) return false;
  const rendered = columns.every((column) => {
    const total = Number(/\((\d+)\)/.exec(column.querySelector('.column-title')?.textContent ?? '')?.[1] ?? '0');
    return total === 0 || column.querySelectorAll('a[href^="/projets/"]').length > 0;
  });
  // The page's clock, for the phases; the result itself is timed from the bench's side.
  if (rendered) page.sillonBoardRenderedAt = performance.now();
  return rendered;
};

// Every card of the columns' first pages is drawn: as many as the column holds, up to a page of 50.
const ALL_CARDS = () =>
  Array.from(document.querySelectorAll('.board .column')).every((column) => {
    const total = Number(/\((\d+)\)/.exec(column.querySelector('.column-title')?.textContent ?? '')?.[1] ?? '0');
    return column.querySelectorAll('a[href^="/projets/"]').length >= Math.min(total, 50);
  });

// The waterfall from the page's Resource Timing entries.
const PHASES = (): DashboardPhases => {
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const session = entries.find((e) => e.name.includes('/api/v1/auth/me'));
  const scripts = entries.filter((e) => e.initiatorType === 'script' || /\.m?js(\?|$)/.test(e.name));
  const columns = entries.filter((e) => e.name.includes('/api/v1/projects?'));
  const before = scripts.filter((e) => !session || e.startTime < session.startTime);
  const latest = (list: PerformanceResourceTiming[]) => Math.max(0, ...list.map((e) => e.responseEnd));
  return {
    initialScripts: latest(before),
    sessionRequest: session?.startTime ?? 0,
    lazyScripts: latest(scripts),
    columnsRequested: columns.length ? Math.min(...columns.map((e) => e.startTime)) : 0,
    columnsAnswered: latest(columns),
    rendered: (globalThis as { sillonBoardRenderedAt?: number }).sillonBoardRenderedAt ?? 0,
  };
};

// Headless Chromium (the system's, as the browser tests use it) opens the pipeline of a lab with
// `projects` projects, signed in through the session cookies; a fresh context each run (cold cache).
export async function runDashboard(baseUrl: string, session: HttpSession, projects: number): Promise<DashboardResult> {
  const result: DashboardResult = { projects, cards: 0, renderMs: null, runsMs: [], allCardsMs: null, allCardsRunsMs: [], initialJsFiles: 0, initialJsRawKb: 0, initialJsGzipKb: 0, compression: '', initialJsTransferredKb: 0, phases: null };
  let browser: Browser | null = null;
  const phases: DashboardPhases[] = [];
  try {
    // Inside the try: without a browser the run reports why instead of stopping the whole bench.
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const url = new URL(baseUrl);
    const cookies = session.readHeaders['cookie'].split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: url.hostname, path: '/' };
    });
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1440, height: 900 } });
      await context.addCookies(cookies);
      const page = await context.newPage();
      const scripts: Response[] = [];
      let rendered = false;
      page.on('response', (response) => {
        if (!rendered && response.request().resourceType() === 'script') scripts.push(response);
      });
      const started = performance.now();
      await page.goto(`${baseUrl}/pipeline`, { waitUntil: 'commit' });
      await page.waitForFunction(BOARD_RENDERED, undefined, { timeout: 60_000, polling: 'raf' });
      const elapsed = performance.now() - started;
      rendered = true;
      result.runsMs.push(elapsed);
      await page.waitForFunction(ALL_CARDS, undefined, { timeout: 60_000, polling: 'raf' });
      result.allCardsRunsMs.push(performance.now() - started);
      phases.push(await page.evaluate(PHASES));
      if (run === 0) {
        result.cards = await page.locator('.board a[href^="/projets/"]').count();
        let raw = 0;
        let gzip = 0;
        let transferred = 0;
        const encodings = new Set<string>();
        for (const response of scripts) {
          const body = await response.body();
          const encoding = (await response.allHeaders())['content-encoding'];
          encodings.add(encoding ?? 'none');
          raw += body.length;
          // Playwright hands the decoded body: compress it as a gzip-serving proxy would (level 6).
          const wire = (await response.request().sizes()).responseBodySize;
          gzip += encoding === 'gzip' ? wire : gzipSync(body, { level: 6 }).length;
          transferred += encoding ? wire : body.length;
        }
        result.initialJsFiles = scripts.length;
        result.initialJsRawKb = raw / 1024;
        result.initialJsGzipKb = gzip / 1024;
        result.initialJsTransferredKb = transferred / 1024;
        // Chromium asks for brotli first; the API answers with it when it compresses.
        const served = [...encodings].filter((e) => e !== 'none');
        result.compression = encodings.has('gzip')
          ? "gzip servi par l'API"
          : served.length
            ? `${served.join(', ')} servi par l'API (${(transferred / 1024).toFixed(1)} Ko transférés) ; taille gzip calculée (niveau 6)`
            : "non compressé par l'API : taille gzip calculée (niveau 6)";
      }
      await context.close();
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    result.renderMs = median(result.runsMs);
    result.allCardsMs = median(result.allCardsRunsMs);
    const phase = (key: keyof DashboardPhases) => median(phases.map((p) => p[key]));
    result.phases = {
      initialScripts: phase('initialScripts'),
      sessionRequest: phase('sessionRequest'),
      lazyScripts: phase('lazyScripts'),
      columnsRequested: phase('columnsRequested'),
      columnsAnswered: phase('columnsAnswered'),
      rendered: phase('rendered'),
    };
  } catch (error) {
    result.error = `mesure impossible : ${(error as Error).message.split('\n')[0]}`;
  } finally {
    await browser?.close();
  }
  return result;
}
