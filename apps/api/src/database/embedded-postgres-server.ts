// Child process hosting the embedded PostgreSQL (PGlite): it runs queries on its own thread,
// so the API's event loop never waits on it. Started by startEmbeddedPostgres().
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedServerReady {
  type: 'ready';
  // Either a unix socket folder or a loopback port.
  socketDir?: string;
  port: number;
}

const SOCKET_NAME = '.s.PGSQL.5432';
// Unix socket paths are limited to about 107 bytes.
const MAX_SOCKET_PATH = 100;

// Two PostgreSQL instances on one data folder would corrupt it: the first one holds a lock file.
function lockDataDir(dir: string): void {
  const lock = join(dir, 'sillon.lock');
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lock, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`le dossier ${dir} est déjà utilisé par le processus ${holder} (arrêtez Sillon ou choisissez un autre SILLON_DATA_DIR)`);
    }
    writeFileSync(lock, String(process.pid));
  }
  process.on('exit', () => rmSync(lock, { force: true }));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const dataDir = process.env['EMBEDDED_PG_DIR'];
  const maxConnections = Number(process.env['EMBEDDED_PG_MAX_CONNECTIONS'] ?? '20');
  // Without a folder the database lives in memory (tests).
  if (dataDir) {
    mkdirSync(resolve(dataDir), { recursive: true });
    lockDataDir(resolve(dataDir));
  }
  const db = await PGlite.create(dataDir ? join(resolve(dataDir), 'pgdata') : undefined, { extensions: { pg_trgm, unaccent, pgcrypto } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pgcrypto;');
  // A unix socket in the data folder keeps the database private to its owner; otherwise port 0
  // lets the system pick a free loopback port, never 5432 where a real server may run.
  const socketPath = dataDir ? join(resolve(dataDir), SOCKET_NAME) : undefined;
  const useSocket = socketPath !== undefined && socketPath.length <= MAX_SOCKET_PATH;
  if (useSocket) rmSync(socketPath, { force: true });
  const server = useSocket
    ? new PGLiteSocketServer({ db, path: socketPath, maxConnections })
    : new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const address = server.getServerConn();
  const port = useSocket ? 5432 : Number(address.slice(address.lastIndexOf(':') + 1));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await db.close();
    process.exit(0);
  };
  // The parent going away (even by a crash) closes the IPC channel: shut down cleanly.
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.send?.({ type: 'ready', port, socketDir: useSocket ? dirname(socketPath) : undefined } satisfies EmbeddedServerReady);
}

main().catch((error: unknown) => {
  process.stderr.write(`Base embarquée : démarrage impossible (${error instanceof Error ? error.message : String(error)})\n`);
  process.exit(1);
});
