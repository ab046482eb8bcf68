import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CsvSeparator, PortfolioReport, ReportExportFormat, ReportTable } from '@sillon/contracts';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { parisToday } from '../../common/paris-today';
import { writeCsvTable, writeCsvZip } from './csv-export';
import { writePdf } from './pdf-export';
import { reportTables, summaryLines } from './report-tables';
import { writeXlsx } from './xlsx-export';
import { PortfolioCsvQueryDto, PortfolioReportQueryDto } from './dto/report-query.dto';
import { ReportsService } from './reports.service';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

// The file name is the server's: sillon-rapport-<today in Paris>.<ext>.
export function exportFilename(today: string, extension: string, table?: string): string {
  return `sillon-rapport-${today}${table ? `-${table}` : ''}.${extension}`;
}

@Injectable()
export class ReportExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  // Everything that can fail with a problem+json (access, labs, period) happens before the first byte;
  // then the export is written to the audit trail and streamed.
  async export(
    principal: Principal | undefined,
    format: ReportExportFormat,
    query: PortfolioReportQueryDto | PortfolioCsvQueryDto,
    res: Response,
    ip: string | null,
  ): Promise<void> {
    const resolved = await this.reports.resolve(principal, query);
    const report = await this.reports.compute(resolved);
    const csv = query as PortfolioCsvQueryDto;
    const table: ReportTable | undefined = format === 'csv' ? csv.table : undefined;
    const separator: CsvSeparator = csv.separator ?? 'semicolon';
    await this.audit.record(this.dataSource.manager, {
      actorId: resolved.principal.userId,
      actorEmail: resolved.principal.email,
      action: 'export',
      entityType: 'report',
      entityId: null,
      labId: resolved.principal.labId,
      ip,
      after: { format, ...(format === 'csv' ? { table: table ?? null, separator } : {}), scope: report.scope, rows: this.rowCounts(report) },
    });

    const today = parisToday();
    const tables = reportTables(report, () => this.reports.milestonePages(report.projects, report.scope));
    const send = (type: string, filename: string) => {
      res.status(200);
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
      // Personal data (project leads' names): never kept by a shared cache.
      res.setHeader('Cache-Control', 'no-store');
    };
    if (format === 'csv' && table) {
      const chosen = tables.find((t) => t.key === table);
      if (!chosen) throw new Error(`unknown table ${table}`);
      send(CONTENT_TYPES.csv, exportFilename(today, 'csv', chosen.slug));
      await writeCsvTable(chosen, separator, res);
    } else if (format === 'csv') {
      send(CONTENT_TYPES.zip, exportFilename(today, 'zip'));
      await writeCsvZip(tables, separator, `sillon-rapport-${today}`, res);
    } else if (format === 'xlsx') {
      send(CONTENT_TYPES.xlsx, exportFilename(today, 'xlsx'));
      await writeXlsx(summaryLines(report), tables, res);
    } else {
      send(CONTENT_TYPES.pdf, exportFilename(today, 'pdf'));
      await writePdf(report, tables, today, res);
    }
  }

  private rowCounts(report: PortfolioReport): Record<string, number> {
    return { projects: report.projects.length, milestones: report.milestoneRows };
  }
}
