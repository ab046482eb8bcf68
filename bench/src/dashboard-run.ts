import { chromium, Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { HttpSession } from './http-session';

export interface DashboardResult {
  // Projects of the lab on the board, and the cards the board rendered (it pages each column).
  projects: number;
  cards: number;
  // Median over the runs, from navigation to a rendered board.
  renderMs: number | null;
  runsMs: number[];
  initialJsFiles: number;
  initialJsRawKb: number;
  initialJsGzipKb: number;
  // Whether the API compressed the scripts itself, or their gzip size was computed here.
  compression: string;
  error?: string;
}

const RUNS = 3;

// The board is rendered when its five stage columns are there, the loading message has gone and
// every column announcing projects shows its cards.
const BOARD_RENDERED = () => {
  const columns = Array.from(document.querySelectorAll('.board .column'));
  if (columns.length !== 5) return false;
  const status = document.querySelector('.summary[role="status"]')?.textContent ?? '';
  if (!status.trim() || status.includes('Chargement')) return false;
  return columns.every((column) => {
    const total = Number(/\((\d+)\)/.exec(column.querySelector('.column-title')?.textContent ?? '')?.[1] ?? '0');
    return total === 0 || column.querySelectorAll('a[href^="/projets/"]').length > 0;
  });
};

// Headless Chromium (the system's, as the browser tests use it) opens the pipeline of a lab with
// `projects` projects, signed in through the session cookies; a fresh context each run (cold cache).
export async function runDashboard(baseUrl: string, session: HttpSession, projects: number): Promise<DashboardResult> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const result: DashboardResult = { projects, cards: 0, renderMs: null, runsMs: [], initialJsFiles: 0, initialJsRawKb: 0, initialJsGzipKb: 0, compression: '' };
  try {
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
      if (run === 0) {
        result.cards = await page.locator('.board a[href^="/projets/"]').count();
        let raw = 0;
        let gzip = 0;
        const encodings = new Set<string>();
        for (const response of scripts) {
          const body = await response.body();
          const encoding = (await response.allHeaders())['content-encoding'];
          encodings.add(encoding ?? 'none');
          raw += body.length;
          // Playwright hands the decoded body: compress it as a gzip-serving proxy would (level 6).
          gzip += encoding === 'gzip' ? (await response.request().sizes()).responseBodySize : gzipSync(body, { level: 6 }).length;
        }
        result.initialJsFiles = scripts.length;
        result.initialJsRawKb = raw / 1024;
        result.initialJsGzipKb = gzip / 1024;
        result.compression = encodings.has('gzip') ? "gzip servi par l'API" : "non compressé par l'API : taille gzip calculée (niveau 6)";
      }
      await context.close();
    }
    const sorted = [...result.runsMs].sort((a, b) => a - b);
    result.renderMs = sorted[Math.floor(sorted.length / 2)];
  } catch (error) {
    result.error = `mesure impossible : ${(error as Error).message.split('\n')[0]}`;
  } finally {
    await browser.close();
  }
  return result;
}
