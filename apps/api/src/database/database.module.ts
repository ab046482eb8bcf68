import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DATABASE_CONNECTION } from '../config/app-config.token';
import { DatabaseConnection, dataSourceOptions } from './database-options';
import { PreparedStatements } from './prepared-statements';

@Module({})
export class DatabaseModule {
  // Connects, then brings the schema up to date before the API serves anything.
  static register(connection: DatabaseConnection): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(connection), autoLoadEntities: true }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options as DataSourceOptions).initialize();
            // The embedded server ignores connection options: one pooled session, set it here.
            if (connection.schema) await dataSource.query(`SET search_path TO "${connection.schema}", public`);
            await dataSource.runMigrations({ transaction: 'each' });
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: DATABASE_CONNECTION, useValue: connection }, PreparedStatements],
      exports: [DATABASE_CONNECTION, PreparedStatements],
    };
  }
}
