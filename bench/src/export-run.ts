import { Client } from 'pg';
import { sampleRss } from './api-process';
import { HttpSession } from './http-session';

export interface ExportResult {
  format: 'csv' | 'xlsx';
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  rssGrowthMb: number | null;
  status: number;
}

// The whole known history: every milestone of the generated portfolio is due or completed in it.
const PERIOD = { from: '2015-01-01', to: '2035-12-31' };

// Labs of the director's region, in code order, until their milestones reach the rows wanted.
export async function exportLabs(client: Client, regionId: string, rowsWanted: number): Promise<{ labIds: string[]; rows: number }> {
  const { rows } = await client.query<{ id: string; n: number }>(
    `SELECT l.id, count(m.id)::int AS n FROM lab l JOIN project p ON p.lab_id = l.id AND p.archived_at IS NULL
       JOIN milestone m ON m.project_id = p.id
      WHERE l.region_id = $1 GROUP BY l.id, l.code ORDER BY l.code`,
    [regionId],
  );
  const labIds: string[] = [];
  let total = 0;
  for (const lab of rows) {
    if (total >= rowsWanted) break;
    labIds.push(lab.id);
    total += lab.n;
  }
  return { labIds, rows: total };
}

// Downloads the milestones export through the API and samples the API's RSS every 50 ms meanwhile.
export async function runExport(
  baseUrl: string,
  apiPid: number,
  session: HttpSession,
  format: 'csv' | 'xlsx',
  labIds: string[],
  rows: number,
): Promise<ExportResult> {
  const query = new URLSearchParams({ ...PERIOD, lab: labIds.join(',') });
  if (format === 'csv') query.set('table', 'milestones');
  const url = `${baseUrl}/api/v1/reports/portfolio.${format}?${query}`;
  // Let the garbage of earlier scenarios settle before the baseline is read.
  await new Promise((r) => setTimeout(r, 1000));
  const sampler = sampleRss(apiPid);
  const started = performance.now();
  const res = await fetch(url, { headers: session.readHeaders });
  let bytes = 0;
  // CSV: the rows actually received (CRLF-terminated records, less the header).
  let lines = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (format === 'csv') for (const byte of chunk) if (byte === 10) lines++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const { baseline, peak } = sampler.stop();
  // A cut or refused download counts no rows.
  const received = res.status !== 200 ? 0 : format === 'csv' ? Math.max(0, lines - 1) : rows;
  return {
    format,
    rows: received,
    bytes,
    seconds,
    rowsPerSecond: received / seconds,
    rssGrowthMb: baseline !== null && peak !== null ? (peak - baseline) / 1_048_576 : null,
    status: res.status,
  };
}
