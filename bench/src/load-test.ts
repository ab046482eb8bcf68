import autocannon from 'autocannon';
import { cpuMsOf } from './api-process';

export interface LoadResult {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  // Non-2xx answers, socket errors and timeouts.
  errors: number;
  // CPU the API process spent per request: independent of how busy the rest of the machine is.
  apiCpuMsPerRequest: number | null;
  // CPU the database's processes spent per request for the API (see BenchDatabase.processesOf):
  // with the API's, what a request costs the machine, planning included.
  dbCpuMsPerRequest: number | null;
}

// Whose CPU time a load test measures: the API, and the processes of the database working for it
// (listed again at the end: a pool may open connections during the test).
export interface MeasuredProcesses {
  api: number;
  database(): Promise<number[] | null>;
}

export interface LoadRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  path(i: number): string;
  body?(i: number): string;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

// A fixed number of connections for a fixed time on loopback; latencies are recorded per response
// (autocannon's own summary has no p95).
export async function loadTest(baseUrl: string, request: LoadRequest, connections: number, seconds: number, processes?: MeasuredProcesses): Promise<LoadResult> {
  let i = 0;
  const dbBefore = processes ? await cpuByProcess(await processes.database()) : null;
  const cpuBefore = processes ? cpuMsOf(processes.api) : null;
  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: request.method,
        headers: request.headers,
        setupRequest: (req) => {
          const n = i++;
          return { ...req, path: request.path(n), ...(request.body ? { body: request.body(n) } : {}) };
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) non2xx++;
  });
  const result = await instance;
  const cpuAfter = processes ? cpuMsOf(processes.api) : null;
  const dbAfter = processes ? await cpuByProcess(await processes.database()) : null;
  latencies.sort((a, b) => a - b);
  return {
    connections,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: non2xx + result.errors + result.timeouts,
    apiCpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && latencies.length ? (cpuAfter - cpuBefore) / latencies.length : null,
    dbCpuMsPerRequest: dbBefore && dbAfter && latencies.length ? cpuSpent(dbBefore, dbAfter) / latencies.length : null,
  };
}

function cpuByProcess(pids: number[] | null): Map<number, number> | null {
  if (!pids) return null;
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    const ms = cpuMsOf(pid);
    if (ms !== null) cpu.set(pid, ms);
  }
  return cpu;
}

// A process that started during the test counts from zero; one that ended is lost (a pool keeps its
// connections while it is busy).
function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

// One request, to check the scenario answers 2xx before loading it.
export async function probe(baseUrl: string, request: LoadRequest): Promise<{ status: number; body: string }> {
  const res = await fetch(`${baseUrl}${request.path(0)}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: request.body(0) } : {}),
  });
  return { status: res.status, body: await res.text() };
}
