import { Controller, Get, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ProjectExportFormat } from '@sillon/contracts';
import { clientIp } from '../../common/client-ip';
import { Request, Response } from 'express';
import { databaseErrorSummary } from '../../common/database-errors';
import { CurrentPrincipal, Principal } from '../access/principal';
import { UserRateLimit } from '../auth/user-rate-limit.decorator';
import { ProjectCsvQueryDto, ProjectExportQueryDto } from './dto/project-export-query.dto';
import { ProjectExportService } from './project-export.service';

// GET /api/v1/projects.csv | .xlsx beside the list they export (with path-to-regexp v8 a '.' is a
// plain character: 'projects.csv' is a segment of its own, never a project id).
@ApiTags('projets')
@ApiCookieAuth()
@Controller()
export class ProjectExportController {
  private readonly logger = new Logger(ProjectExportController.name);

  constructor(private readonly exports: ProjectExportService) {}

  @Get('projects.csv')
  @UserRateLimit('reports-export')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Les projets de la liste pour les mêmes filtres et le même tri, sans pagination : CSV UTF-8 avec BOM, en-têtes en français' })
  csv(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ProjectCsvQueryDto, @Req() req: Request, @Res() res: Response) {
    return this.stream(principal, 'csv', query, req, res);
  }

  @Get('projects.xlsx')
  @UserRateLimit('reports-export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'Les projets de la liste pour les mêmes filtres et le même tri : une feuille de synthèse (filtres) et une feuille Projets' })
  xlsx(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ProjectExportQueryDto, @Req() req: Request, @Res() res: Response) {
    return this.stream(principal, 'xlsx', query, req, res);
  }

  // Errors before the first byte become problem+json through the global filter; once the file has
  // started, the only honest signal left is to cut the connection.
  private async stream(principal: Principal | undefined, format: ProjectExportFormat, query: ProjectCsvQueryDto, req: Request, res: Response): Promise<void> {
    try {
      await this.exports.export(principal, format, query, res, clientIp(req));
    } catch (error) {
      if (!res.headersSent) throw error;
      const database = databaseErrorSummary(error);
      if (database) this.logger.error({ database }, `Export ${format} des projets interrompu.`);
      else this.logger.error(`Export ${format} des projets interrompu : ${(error as Error).message}`);
      res.destroy();
    }
  }
}
