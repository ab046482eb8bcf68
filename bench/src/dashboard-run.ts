import { HttpSession } from './http-session';

export interface DashboardResult {
  cards: number;
  renderMs: number | null;
  initialJsFiles: number;
  initialJsRawKb: number;
  initialJsGzipKb: number;
  compression: string;
  error?: string;
}

export async function runDashboard(_baseUrl: string, _session: HttpSession, cards: number): Promise<DashboardResult> {
  return { cards, renderMs: null, initialJsFiles: 0, initialJsRawKb: 0, initialJsGzipKb: 0, compression: '', error: 'pas encore mesuré' };
}
