import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// The built API as it runs in production (loopback only, warnings only), on the bench's database.
export async function startApi(apiDir: string, env: Record<string, string>, extraArgs: string[] = []): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...extraArgs, join(apiDir, 'main.js')], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      // Plain http on loopback: a Secure cookie would never come back.
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'warn',
      SILLON_DEMO: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`l'API s'est arrêtée au démarrage (code ${child.exitCode})`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error("l'API n'a pas répondu dans les temps");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: child.pid as number,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

// Resident set size of a process in bytes (Linux), or null elsewhere.
export function rssOf(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

// Samples the RSS every 50 ms until stopped; reports the baseline and the peak.
export function sampleRss(pid: number): { stop(): { baseline: number | null; peak: number | null } } {
  const baseline = rssOf(pid);
  let peak = baseline;
  const timer = setInterval(() => {
    const rss = rssOf(pid);
    if (rss !== null && (peak === null || rss > peak)) peak = rss;
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      const last = rssOf(pid);
      if (last !== null && (peak === null || last > peak)) peak = last;
      return { baseline, peak };
    },
  };
}

// CPU time (user + system) a process has used so far, in ms (Linux), or null elsewhere.
export function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the full line, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
