import { ChildProcess, fork } from 'node:child_process';
import type { EmbeddedServerReady } from './embedded-postgres-server';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  // Compiled (or ts-node registered) entry of embedded-postgres-server.
  script: string;
  execArgv?: string[];
  // Persisted data folder; in memory when absent.
  dataDir?: string;
  maxConnections: number;
  timeoutMs?: number;
}

// Starts PGlite in its own process and resolves with a postgres:// URL for the ordinary pg driver.
export function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const child: ChildProcess = fork(options.script, [], {
    execArgv: options.execArgv ?? [],
    env: {
      ...process.env,
      EMBEDDED_PG_DIR: options.dataDir ?? '',
      EMBEDDED_PG_MAX_CONNECTIONS: String(options.maxConnections),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('embedded PostgreSQL did not start in time'));
    }, options.timeoutMs ?? 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited with code ${code}`));
    });
    child.on('message', (message: EmbeddedServerReady) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const url = message.socketDir
        ? `postgres://postgres:postgres@localhost/postgres?host=${encodeURIComponent(message.socketDir)}`
        : `postgres://postgres:postgres@127.0.0.1:${message.port}/postgres`;
      resolve({ url, stop });
    });
  });
}
