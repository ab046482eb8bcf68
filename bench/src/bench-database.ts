import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { APPLICATION_NAME } from '../../apps/api/src/database/database-options';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

const run = promisify(execFile);

// Where the bench's data lives: a fresh database on a PostgreSQL server, or a fresh embedded folder.
export interface BenchDatabase {
  mode: 'postgres' | 'embedded';
  // Environment for the API and its CLI: DATABASE_URL or SILLON_DATA_DIR.
  apiEnv: Record<string, string>;
  // A connection for loading, EXPLAIN and checks (embedded: only while the API is not running,
  // or through the running API's socket, see connect()).
  connect(): Promise<Client>;
  // Starts the embedded server for loading, when there is no API holding it.
  openForLoading(): Promise<{ client: Client; close(): Promise<void> }>;
  drop(): Promise<void>;
  label: string;
  // The processes doing the database's work for the API whose pid is given, for their CPU time: the
  // server's backends of the API's connections, or the embedded server (a child of the API); null
  // when the server is on another machine.
  processesOf(apiPid: number): Promise<number[] | null>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '']);

export async function createBenchDatabase(apiDir: string, databaseUrl: string | undefined, stamp: string): Promise<BenchDatabase> {
  if (databaseUrl) {
    const name = `sillon_bench_${stamp}`;
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const connect = async () => {
      const client = new Client({ connectionString: url.toString(), application_name: 'sillon-bench' });
      // A connection cut when the bench database is dropped must not crash the report.
      client.on('error', () => undefined);
      await client.connect();
      return client;
    };
    return {
      mode: 'postgres',
      label: `PostgreSQL (${name})`,
      apiEnv: { DATABASE_URL: url.toString() },
      connect,
      openForLoading: async () => {
        const client = await connect();
        return { client, close: () => client.end() };
      },
      processesOf: async () => {
        if (!LOOPBACK.has(url.hostname)) return null;
        const client = await connect();
        try {
          const { rows } = await client.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
            [APPLICATION_NAME],
          );
          return rows.map((row) => row.pid);
        } finally {
          await client.end();
        }
      },
      drop: async () => {
        const dropper = new Client({ connectionString: databaseUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const dataDir = resolve('tmp', `bench-${stamp}`);
  // The embedded server of a running API listens on a unix socket in its data folder.
  const socketUrl = `postgres://postgres:postgres@localhost/postgres?host=${encodeURIComponent(dataDir)}`;
  return {
    mode: 'embedded',
    label: `PostgreSQL embarqué (${dataDir})`,
    apiEnv: { SILLON_DATA_DIR: dataDir, DATABASE_URL: '' },
    connect: async () => {
      const client = new Client({ connectionString: socketUrl });
      client.on('error', () => undefined);
      await client.connect();
      return client;
    },
    openForLoading: async () => {
      const embedded = await startEmbeddedPostgres({ script: join(apiDir, 'embedded-postgres-server.js'), dataDir, maxConnections: 2 });
      const client = new Client({ connectionString: embedded.url });
      await client.connect();
      return {
        client,
        close: async () => {
          await client.end();
          await embedded.stop();
        },
      };
    },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    // The embedded server runs in a process of its own, started by the API.
    processesOf: async (apiPid) => childrenOf(apiPid),
  };
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The parent pid is the second field after the command name (in parentheses, may hold spaces).
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) children.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return children;
}

// The API's own CLI applies the migrations (without demo data), as an operator would.
export async function migrate(apiDir: string, env: Record<string, string>): Promise<void> {
  await run(process.execPath, [join(apiDir, 'cli.js'), 'migrate'], {
    env: { ...process.env, ...env, SILLON_DEMO: 'false', LOG_LEVEL: 'warn' },
    maxBuffer: 10_000_000,
  });
}
