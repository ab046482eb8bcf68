import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { resolveDatabase } from './database/resolve-connection';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const { connection, embedded } = await resolveDatabase(config, __dirname);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ config, connection, dashboardDir: join(__dirname, '..', 'dashboard', 'browser') }),
    { bufferLogs: true },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  configureApp(app, config);
  app.enableShutdownHooks();
  if (embedded) {
    process.once('exit', () => void embedded.stop());
  }
  await app.listen(config.port, config.host);
  const base = `http://localhost:${config.port}`;
  logger.log(`Sillon est prêt sur ${base} (API ${base}/api, documentation ${base}/api/docs, base ${connection.mode === 'embedded' ? `embarquée dans ${config.dataDir}` : 'PostgreSQL'})`);
}

bootstrap().catch((error: unknown) => {
  // A configuration error is the operator's to fix: one line naming the variable, no stack trace.
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Sillon n'a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
