import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DATABASE_CONNECTION } from '../config/app-config.token';
import { DatabaseConnection, dataSourceOptions } from './database-options';
import { API_ROLE, DatabaseSession, LOGIN_ROLE } from './database-session';
import { PreparedStatements } from './prepared-statements';
import { retryTransactions } from './retry-transaction';

@Module({})
export class DatabaseModule {
  // Connects, then brings the schema up to date before the API serves anything.
  static register(connection: DatabaseConnection): DynamicModule {
    const session = new DatabaseSession(LOGIN_ROLE, connection.mode === 'embedded');
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(connection), autoLoadEntities: true }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options as DataSourceOptions).initialize();
            session.install(dataSource);
            retryTransactions(dataSource);
            // The embedded server ignores connection options: one pooled session, set it here.
            if (connection.schema) await dataSource.query(`SET search_path TO "${connection.schema}", public`);
            await dataSource.runMigrations({ transaction: 'each' });
            session.runAs(API_ROLE);
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: DATABASE_CONNECTION, useValue: connection }, { provide: DatabaseSession, useValue: session }, PreparedStatements],
      exports: [DATABASE_CONNECTION, DatabaseSession, PreparedStatements],
    };
  }
}
