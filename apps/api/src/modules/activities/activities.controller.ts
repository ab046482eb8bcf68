import { Body, Controller, Delete, Get, Header, HttpCode, Logger, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ActivityExportFormat, LabActivity } from '@sillon/contracts';
import { Request, Response } from 'express';
import { ClientIp, clientIp } from '../../common/client-ip';
import { databaseErrorSummary } from '../../common/database-errors';
import { JSON_CONTENT_TYPE } from '../../common/json-text';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { UserRateLimit } from '../auth/user-rate-limit.decorator';
import { ActivitiesService } from './activities.service';
import { ActivityExportService } from './activity-export.service';
import { ActivityCsvQueryDto, ActivityExportQueryDto, ActivityListQueryDto, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';

// The lab's activities beyond its projects. 'activities.csv' is a literal segment of its own (path-to-regexp v8).
@ApiTags('activities')
@ApiCookieAuth()
@Controller()
export class ActivitiesController {
  private readonly logger = new Logger(ActivitiesController.name);

  constructor(
    private readonly activities: ActivitiesService,
    private readonly exports: ActivityExportService,
    private readonly policy: ProjectAccessPolicy,
  ) {}

  @Get('activities')
  @Header('Content-Type', JSON_CONTENT_TYPE)
  async list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ActivityListQueryDto): Promise<string> {
    this.policy.assertPortfolioReader(principal);
    return (await this.activities.list(principal, query)).text;
  }

  @Get('activities.csv')
  @UserRateLimit('reports-export')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Les activités de la liste pour les mêmes filtres : CSV UTF-8 avec BOM, en-têtes en français' })
  csv(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ActivityCsvQueryDto, @Req() req: Request, @Res() res: Response) {
    return this.stream(principal, 'csv', query, req, res);
  }

  @Get('activities.xlsx')
  @UserRateLimit('reports-export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  xlsx(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ActivityExportQueryDto, @Req() req: Request, @Res() res: Response) {
    return this.stream(principal, 'xlsx', query, req, res);
  }

  @Post('activities')
  create(@CurrentPrincipal() principal: Principal | undefined, @Body() dto: CreateActivityDto, @ClientIp() ip: string): Promise<LabActivity> {
    this.policy.assertPortfolioReader(principal);
    return this.activities.create(principal, dto, ip);
  }

  @Get('activities/:id')
  get(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string): Promise<LabActivity> {
    this.policy.assertPortfolioReader(principal);
    return this.activities.get(principal, id);
  }

  @Patch('activities/:id')
  update(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateActivityDto,
    @ClientIp() ip: string,
  ): Promise<LabActivity> {
    this.policy.assertPortfolioReader(principal);
    return this.activities.update(principal, id, dto, ip);
  }

  @Delete('activities/:id')
  @HttpCode(204)
  async remove(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string, @ClientIp() ip: string): Promise<void> {
    this.policy.assertPortfolioReader(principal);
    await this.activities.remove(principal, id, ip);
  }

  // Errors before the first byte become problem+json; once the file has started, the connection is cut.
  private async stream(principal: Principal | undefined, format: ActivityExportFormat, query: ActivityCsvQueryDto, req: Request, res: Response): Promise<void> {
    this.policy.assertPortfolioReader(principal);
    try {
      await this.exports.export(principal, format, query, res, clientIp(req));
    } catch (error) {
      if (!res.headersSent) throw error;
      const database = databaseErrorSummary(error);
      if (database) this.logger.error({ database }, `Export ${format} des activités interrompu.`);
      else this.logger.error(`Export ${format} des activités interrompu : ${(error as Error).message}`);
      res.destroy();
    }
  }
}
