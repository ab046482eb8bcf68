import { Controller, Get, Inject, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthResponse } from '@sillon/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DATABASE_CONNECTION } from '../../config/app-config.token';
import { DatabaseConnection } from '../../database/database-options';
import { Public } from '../../common/public.decorator';

const PROBE_TIMEOUT_MS = 2_000;
// The root package.json, bundled at build time.
// eslint-disable-next-line @nx/enforce-module-boundaries
const APP_VERSION: string = require('../../../../../package.json').version;

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'API et base de données disponibles' })
  @ApiServiceUnavailableResponse({ description: 'Base de données injoignable' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const reachable = await this.databaseReachable();
    if (!reachable) res.status(503);
    return {
      status: reachable ? 'ok' : 'unavailable',
      database: this.connection.mode,
      version: APP_VERSION,
    };
  }

  private async databaseReachable(): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    const probe = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
