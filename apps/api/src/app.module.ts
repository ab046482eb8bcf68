import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { setDashboardCacheHeaders } from './common/dashboard-assets';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { DatabaseConnection } from './database/database-options';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { UsersModule } from './modules/users/users.module';
import { LabsModule } from './modules/labs/labs.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { PipelineModule } from './modules/pipeline/pipeline.module';
import { MilestonesModule } from './modules/milestones/milestones.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { FundingModule } from './modules/funding/funding.module';
import { CommonsModule } from './modules/commons/commons.module';
import { ReportsModule } from './modules/reports/reports.module';
import { ActivitiesModule } from './modules/activities/activities.module';
import { DemoModule } from './modules/demo/demo.module';
import { HealthModule } from './modules/health/health.module';
import { HousekeepingModule } from './modules/housekeeping/housekeeping.module';
import { ImportsModule } from './modules/imports/imports.module';

export interface AppModuleOptions {
  config: AppConfig;
  connection: DatabaseConnection;
  // Built dashboard to serve at /, when present.
  dashboardDir?: string;
  // Where the JSON logs go: standard output unless given (the API tests read them).
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static register({ config, connection, dashboardDir, logDestination }: AppModuleOptions): DynamicModule {
    const serveDashboard = dashboardDir && existsSync(dashboardDir);
    const pinoHttp: PinoHttpOptions = {
      level: config.logLevel,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // A request is logged as its id, method and path, a response as its status: no headers, so
      // no cookie or token to redact, and no per-request serialisation of every header (it was
      // a tenth of the API's CPU per request in the benchmark).
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Should a header ever be logged again.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-xsrf-token"]', 'res.headers["set-cookie"]'],
      // Health probes would drown the log.
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    };
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: logDestination ? [pinoHttp, logDestination] : pinoHttp,
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        }),
        DatabaseModule.register(connection),
        ...(serveDashboard
          ? [
              ServeStaticModule.forRoot({
                rootPath: dashboardDir,
                exclude: ['/api/{*splat}'],
                serveStaticOptions: { setHeaders: setDashboardCacheHeaders },
              }),
            ]
          : []),
        AuditModule,
        HealthModule,
        AuthModule,
        UsersModule,
        LabsModule,
        ProjectsModule,
        PipelineModule,
        MilestonesModule,
        OrganisationsModule,
        FundingModule,
        CommonsModule,
        ReportsModule,
        ActivitiesModule,
        DemoModule,
        HousekeepingModule,
        ImportsModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
