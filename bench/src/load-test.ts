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
export async function loadTest(baseUrl: string, request: LoadRequest, connections: number, seconds: number, apiPid?: number): Promise<LoadResult> {
  let i = 0;
  const cpuBefore = apiPid ? cpuMsOf(apiPid) : null;
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
  const cpuAfter = apiPid ? cpuMsOf(apiPid) : null;
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
  };
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
