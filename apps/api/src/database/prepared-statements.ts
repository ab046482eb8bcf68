import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { preparedStatementError } from '../common/database-errors';
import { DATABASE_CONNECTION } from '../config/app-config.token';
import { abandonedQueryError, watchQueryTimeouts } from './abandoned-queries';
import { connectionSettings, DatabaseConnection } from './database-options';
import { DatabaseSession } from './database-session';

// What this uses of pg's Pool (the driver's own types are not installed).
interface PgClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  release(error?: Error): void;
}

interface PgPool {
  connect(): Promise<PgClient>;
  on(event: 'error', listener: (error: Error) => void): void;
  end(): Promise<void>;
}

type PgPoolClass = new (config: Record<string, unknown>) => PgPool;

// The plan the hot reads keep: each is written for one index (see the benchmark's plan checks),
// so the generic plan, made once for any parameters, is the one to keep. Left to choose ("auto"),
// PostgreSQL compared the generic plan's estimate, made without the page's LIMIT, with the plans
// made for the actual values, kept the latter, and planned the page of overdue milestones again on
// every request: 0.8–1.3 ms of planning for 0.7–1.1 ms of execution.
export const PREPARED_PLAN_SETTINGS = { plan_cache_mode: 'force_generic_plan' };

// The reads of every request (the session) and of the busiest pages (lists, summaries) as named
// prepared statements: PostgreSQL parses and plans each once per pooled connection instead of on
// every request. The benchmark showed planning took longer than running them (the session lookup:
// 0.34 ms planning for 0.06 ms execution). Outside transactions only: a transaction's statements
// go through its own EntityManager.
//
// On a real server they have a pool of their own (the same size as TypeORM's), whose sessions keep
// the generic plan (PREPARED_PLAN_SETTINGS); TypeORM's queries keep PostgreSQL's choice, planned
// for their values. The embedded server runs every connection in one PostgreSQL session, where the
// statement names of two pools (the API tests open one per file) would collide: there they are
// TypeORM's queries.
@Injectable()
export class PreparedStatements implements OnApplicationShutdown {
  private readonly logger = new Logger(PreparedStatements.name);
  private readonly names = new Map<string, string>();
  private readonly pool: PgPool | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_CONNECTION) connection: DatabaseConnection,
    private readonly session: DatabaseSession,
  ) {
    if (connection.mode !== 'postgres') {
      this.pool = null;
      return;
    }
    // The pg library TypeORM loaded, so that both pools speak with the same driver.
    const Pool = ((dataSource.driver as PostgresDriver).postgres as { Pool: PgPoolClass }).Pool;
    this.pool = new Pool(connectionSettings(connection, PREPARED_PLAN_SETTINGS));
    // An idle connection the server drops must not crash the API: the next query opens another.
    this.pool.on('error', (error) => this.logger.warn(`Connexion inactive à PostgreSQL perdue : ${error.message}`));
  }

  // SQL whose text is a constant or built from a bounded set of pieces (values always as parameters,
  // never inlined: each distinct text is a statement of its own on every connection).
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.pool) return this.dataSource.query(sql, params);
    let name = this.names.get(sql);
    if (!name) {
      name = `sillon_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
      this.names.set(sql, name);
    }
    let client: PgClient | undefined;
    try {
      client = await this.pool.connect();
      watchQueryTimeouts(client);
      // The role and labs of the caller, as on TypeORM's connections.
      await this.session.apply(client);
      const result = await client.query({ name, text: sql, values: params });
      return result.rows as T[];
    } catch (error) {
      // As TypeORM reports a failed query, so that it gets the same answer (see ProblemDetailsFilter).
      throw preparedStatementError(name, sql, params, error as Error);
    } finally {
      client?.release(client && abandonedQueryError(client));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }
}
