import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../../apps/api/src/app.module';
import { AppConfig, loadConfig } from '../../../../apps/api/src/config/app-config';
import { configureApp } from '../../../../apps/api/src/configure-app';
import type { DatabaseConnection } from '../../../../apps/api/src/database/database-options';
import { createTestSchema } from './test-database';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  connection: DatabaseConnection;
  dataSource: DataSource;
  // A client without cookies.
  http(): ReturnType<typeof request>;
  // A client that keeps cookies between requests, as a browser does.
  agent(): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

// Boots the real AppModule on a new schema of the test database, migrations applied; or on the
// schema of another test app (`existing`), which closing this one leaves in place.
export async function createTestApp(env: NodeJS.ProcessEnv = {}, existing?: DatabaseConnection): Promise<TestApp> {
  const schema = existing ? { connection: existing, drop: async () => undefined } : await createTestSchema();
  // supertest speaks plain HTTP: cookies without the Secure flag, as a local run over http would set them.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SILLON_DEMO: 'false', COOKIE_SECURE: 'false', ...env });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ config, connection: schema.connection })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app, config);
  try {
    await app.init();
  } catch (error) {
    // A refused start (e.g. demo accounts in production) must not leave its connections open.
    await app.close();
    await schema.drop();
    throw error;
  }
  const dataSource = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    config,
    connection: schema.connection,
    dataSource,
    http: () => request(app.getHttpServer()),
    agent: () => request.agent(app.getHttpServer()),
    close: async () => {
      await app.close();
      await schema.drop();
    },
  };
}
