import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@sillon/migrations';

export interface DatabaseConnection {
  mode: 'embedded' | 'postgres';
  url: string;
  poolSize: number;
  // Tests isolate each file in its own schema on the shared embedded server.
  schema?: string;
}

export function dataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  return {
    type: 'postgres',
    url: connection.url,
    synchronize: false,
    // TypeORM reads its own tables (migrations) in this schema; raw SQL follows the search_path.
    ...(connection.schema ? { schema: connection.schema } : {}),
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // Extensions are created by the first migration, so that nothing is installed behind its back.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    applicationName: 'sillon',
    extra: {
      max: connection.poolSize,
      // A database that stops answering must not hang requests forever.
      connectionTimeoutMillis: 5_000,
      ...(connection.schema ? { options: `-c search_path=${connection.schema},public` } : {}),
    },
  };
}
