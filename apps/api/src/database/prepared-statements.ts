import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DATABASE_CONNECTION } from '../config/app-config.token';
import { DatabaseConnection } from './database-options';

// What this uses of the pg pool TypeORM keeps (the driver's own types are not installed).
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

// The reads of every request (the session) and of the busiest pages (lists, summaries) as named
// prepared statements: PostgreSQL parses and plans each once per pooled connection instead of on
// every request. The benchmark showed planning took longer than running them (the session lookup:
// 0.34 ms planning for 0.06 ms execution). Outside transactions only: a transaction's statements
// go through its own EntityManager.
//
// On a real server only. The embedded server runs every connection in one PostgreSQL session,
// where the statement names of two pools (the API tests open one per file) would collide.
@Injectable()
export class PreparedStatements {
  private readonly names = new Map<string, string>();
  private readonly pool: PgPool | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_CONNECTION) connection: DatabaseConnection,
  ) {
    this.pool = connection.mode === 'postgres' ? ((dataSource.driver as PostgresDriver).master as PgPool) : null;
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
    try {
      const result = await this.pool.query({ name, text: sql, values: params });
      return result.rows as T[];
    } catch (error) {
      // As TypeORM reports a failed query, so that it gets the same answer (see ProblemDetailsFilter).
      throw new QueryFailedError(sql, params, error as Error);
    }
  }
}
