import { Controller, Get, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PortfolioReport, ReportExportFormat } from '@sillon/contracts';
import { clientIp } from '../../common/client-ip';
import { Request, Response } from 'express';
import { databaseErrorSummary } from '../../common/database-errors';
import { CurrentPrincipal, Principal } from '../access/principal';
import { UserRateLimit } from '../auth/user-rate-limit.decorator';
import { PortfolioCsvQueryDto, PortfolioReportQueryDto } from './dto/report-query.dto';
import { ReportExportService } from './report-export.service';
import { ReportsService } from './reports.service';

// DESIGN.md's public paths keep their extension: with path-to-regexp v8 (Nest 11) a '.' is a plain
// character, so 'portfolio.csv' is a literal segment of its own, distinct from 'portfolio'.
@ApiTags('reports')
@ApiCookieAuth()
@Controller({ path: 'reports' })
export class ReportsController {
  private readonly logger = new Logger(ReportsController.name);

  constructor(
    private readonly reports: ReportsService,
    private readonly exports: ReportExportService,
  ) {}

  @Get('portfolio')
  portfolio(@CurrentPrincipal() principal: Principal | undefined, @Query() query: PortfolioReportQueryDto): Promise<PortfolioReport> {
    return this.reports.report(principal, query);
  }

  @Get('portfolio.csv')
  @UserRateLimit('reports-export')
  @ApiProduces('text/csv', 'application/zip')
  csv(@CurrentPrincipal() principal: Principal | undefined, @Query() query: PortfolioCsvQueryDto, @Req() req: Request, @Res() res: Response) {
    return this.stream(principal, 'csv', query, req, res);
  }

  @Get('portfolio.xlsx')
  @UserRateLimit('reports-export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  xlsx(@CurrentPrincipal() principal: Principal | undefined, @Query() query: PortfolioReportQueryDto, @Req() req: Request, @Res() res: Response) {
    return this.stream(principal, 'xlsx', query, req, res);
  }

  @Get('portfolio.pdf')
  @UserRateLimit('reports-export')
  @ApiProduces('application/pdf')
  pdf(@CurrentPrincipal() principal: Principal | undefined, @Query() query: PortfolioReportQueryDto, @Req() req: Request, @Res() res: Response) {
    return this.stream(principal, 'pdf', query, req, res);
  }

  // Errors before the first byte become problem+json through the global filter; once the file has
  // started, the only honest signal left is to cut the connection.
  private async stream(
    principal: Principal | undefined,
    format: ReportExportFormat,
    query: PortfolioReportQueryDto,
    req: Request,
    res: Response,
  ): Promise<void> {
    try {
      await this.exports.export(principal, format, query, res, clientIp(req));
    } catch (error) {
      if (!res.headersSent) throw error;
      // A database error's message may quote values: only its code and place are logged.
      const database = databaseErrorSummary(error);
      if (database) this.logger.error({ database }, `Export ${format} interrompu.`);
      else this.logger.error(`Export ${format} interrompu : ${(error as Error).message}`);
      res.destroy();
    }
  }
}
