import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../../apps/api/src/app.module';
import { AppConfig, loadConfig } from '../../../../apps/api/src/config/app-config';
import { configureApp } from '../../../../apps/api/src/configure-app';
import { DatabaseConnection, dataSourceOptions } from '../../../../apps/api/src/database/database-options';
import { DatabaseSession, LOGIN_ROLE } from '../../../../apps/api/src/database/database-session';
import { createTestSchema } from './test-database';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  // The API's connection: the test schema, with the session limits of the environment given.
  connection: DatabaseConnection;
  // The test schema as its owner sees it (no role switch, no row-level security): for fixtures and
  // for reading back what the API wrote.
  dataSource: DataSource;
  // The API's own connections (role sillon_api, row-level security).
  apiDataSource: DataSource;
  // A client without cookies.
  http(): ReturnType<typeof request>;
  // A client that keeps cookies between requests, as a browser does.
  agent(): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  // Where the API's JSON logs go (with LOG_LEVEL in env): the API's own logger, as main.ts sets it.
  logDestination?: DestinationStream;
}

// Boots the real AppModule on a new schema of the test database, migrations applied; or on the
// schema of another test app (`existing`), which closing this one leaves in place.
export async function createTestApp(env: NodeJS.ProcessEnv = {}, existing?: DatabaseConnection, options: TestAppOptions = {}): Promise<TestApp> {
  const schema = existing ? { connection: existing, drop: async () => undefined } : await createTestSchema();
  // supertest speaks plain HTTP: cookies without the Secure flag, as a local run over http would set them.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SILLON_DEMO: 'false', COOKIE_SECURE: 'false', ...env });
  // The limits of env (DATABASE_*_TIMEOUT_MS) apply to the API's sessions, not to the owner's below.
  const connection = { ...schema.connection, limits: config.database.limits };
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ config, connection, logDestination: options.logDestination })],
  }).compile();
  const app = moduleRef.createNestApplication(options.logDestination ? { bufferLogs: true } : { logger: false });
  if (options.logDestination) app.useLogger(app.get(Logger));
  configureApp(app, config);
  try {
    await app.init();
  } catch (error) {
    // A refused start (e.g. demo accounts in production) must not leave its connections open.
    await app.close();
    await schema.drop();
    throw error;
  }
  const apiDataSource = app.get<DataSource>(getDataSourceToken());
  const dataSource = await ownerDataSource(schema.connection);
  return {
    app,
    config,
    connection,
    dataSource,
    apiDataSource,
    http: () => request(app.getHttpServer()),
    agent: () => request.agent(app.getHttpServer()),
    close: async () => {
      await app.close();
      await dataSource.destroy();
      await schema.drop();
    },
  };
}

// A small pool of the schema's owner, beside the API's.
export async function ownerDataSource(connection: DatabaseConnection): Promise<DataSource> {
  const dataSource = await new DataSource(dataSourceOptions({ ...connection, poolSize: 2, limits: undefined })).initialize();
  new DatabaseSession(LOGIN_ROLE, connection.mode === 'embedded').install(dataSource);
  // The embedded server ignores connection options.
  if (connection.schema) await dataSource.query(`SET search_path TO "${connection.schema}", public`);
  return dataSource;
}
