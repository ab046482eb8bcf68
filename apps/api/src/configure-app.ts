import { INestApplication, ValidationPipe, VersioningType } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { apiNoStore, dashboardCompression } from './common/dashboard-assets';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { validationExceptionFactory } from './common/validation-errors';
import { AppConfig } from './config/app-config';

// Everything an application needs besides its modules; shared by main.ts and the API tests.
export function configureApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.trustProxy);
  express.disable('x-powered-by');
  express.set('etag', false);
  app.use(dashboardCompression());
  app.use(apiNoStore());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Angular Material and ECharts set inline styles.
          'style-src': ["'self'", "'unsafe-inline'"],
          // Only behind HTTPS: on http://localhost it would break the local setup.
          'upgrade-insecure-requests': config.production ? [] : null,
        },
      },
      strictTransportSecurity: config.production,
    }),
  );
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sillon API')
      .setDescription("API du suivi de portefeuille des laboratoires d'innovation publique")
      .setVersion('1')
      .addCookieAuth('sillon_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
