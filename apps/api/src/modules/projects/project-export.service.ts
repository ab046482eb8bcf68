import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HEALTH_LABELS_FR,
  PROJECT_STATUS_LABELS_FR,
  ProjectExportFormat,
  ProjectExportQuery,
  STAGE_LABELS_FR,
  THEME_LABELS_FR,
  Theme,
} from '@sillon/contracts';
import { departmentLabel } from '@sillon/util';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { parisToday } from '../../common/paris-today';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { writeCsvTable } from '../reports/csv-export';
import { CellType, CellValue, ExportTable, ReportColumn } from '../reports/report-tables';
import { writeXlsx } from '../reports/xlsx-export';
import { ProjectExportRow } from './project.mapper';
import { ProjectsService } from './projects.service';

const CONTENT_TYPES: Record<ProjectExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const col = (header: string, type: CellType, width: number, value: (row: ProjectExportRow) => CellValue): ReportColumn<ProjectExportRow> => ({
  header,
  type,
  width,
  value,
});

// The columns of the Projets table and what a person filters on, with French headers and labels.
// Text cells go through the reports' writers, which neutralise what a spreadsheet would run as a formula.
export function projectExportTable(rows: ProjectExportRow[], archived: boolean): ExportTable<ProjectExportRow> {
  const columns = [
    col('Code', 'text', 16, (r) => r.code),
    col('Nom', 'text', 40, (r) => r.name),
    col('Lab', 'text', 24, (r) => r.labName),
    col('Phase', 'text', 22, (r) => STAGE_LABELS_FR[r.stage]),
    col('Statut', 'text', 12, (r) => PROJECT_STATUS_LABELS_FR[r.status]),
    col('Santé', 'text', 14, (r) => HEALTH_LABELS_FR[r.health]),
    col('Chef·fe de projet', 'text', 24, (r) => r.leadName),
    col('Thèmes', 'text', 36, (r) => r.themes.map((t) => THEME_LABELS_FR[t as Theme] ?? t).join(', ')),
    col('Départements', 'text', 28, (r) => r.departments.map(departmentLabel).join(', ')),
    col('Date de début', 'date', 14, (r) => r.startDate),
    col('Entrée dans la phase', 'date', 20, (r) => r.stageEnteredOn),
    col('Jours dans la phase', 'int', 18, (r) => r.daysInStage),
    col('Mis à jour le', 'date', 14, (r) => r.updatedOn),
    ...(archived ? [col('Archivé le', 'date', 14, (r) => r.archivedOn)] : []),
  ];
  return {
    key: 'projects',
    title: 'Projets',
    slug: 'projets',
    columns,
    pages: async function* () {
      yield rows;
    },
  };
}

// The first sheet of the XLSX: when, how many, and the filters in French. Labs and leads are counted,
// not named: an id in the query may name someone outside the caller's reach.
export function projectExportSummary(query: ProjectExportQuery, count: number, today: string): { label: string; type: CellType; value: CellValue }[] {
  const list = (values: string[] | undefined, label: (value: string) => string, all = 'Tous') => (values?.length ? values.map(label).join(', ') : all);
  const chosen = (values: string[] | undefined, all: string) => (values?.length ? `${values.length} choisi${values.length > 1 ? 's' : ''}` : all);
  return [
    { label: 'Exporté le', type: 'date', value: today },
    { label: 'Projets', type: 'int', value: count },
    { label: 'Recherche', type: 'text', value: query.q?.trim() || '—' },
    { label: 'Labs', type: 'text', value: chosen(query.lab, 'Tous ceux consultables') },
    { label: 'Région', type: 'text', value: query.region ? '1 choisie' : 'Toutes celles consultables' },
    { label: 'Phases', type: 'text', value: list(query.stage, (s) => STAGE_LABELS_FR[s as keyof typeof STAGE_LABELS_FR], 'Toutes') },
    { label: 'Statuts', type: 'text', value: list(query.status, (s) => PROJECT_STATUS_LABELS_FR[s as keyof typeof PROJECT_STATUS_LABELS_FR]) },
    { label: 'Santé', type: 'text', value: list(query.health, (h) => HEALTH_LABELS_FR[h as keyof typeof HEALTH_LABELS_FR], 'Toutes') },
    { label: 'Thèmes', type: 'text', value: list(query.theme, (t) => THEME_LABELS_FR[t as Theme]) },
    { label: 'Départements', type: 'text', value: list(query.department, departmentLabel) },
    { label: 'Chef·fes de projet', type: 'text', value: chosen(query.lead, 'Tous') },
    { label: 'Projets archivés', type: 'text', value: query.archived === 'only' ? 'Seuls' : query.archived ? 'Inclus' : 'Exclus' },
  ];
}

// sillon-projets-<today in Paris>.<ext>
export const projectExportFilename = (today: string, format: ProjectExportFormat) => `sillon-projets-${today}.${format}`;

@Injectable()
export class ProjectExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
  ) {}

  // Access and filters are checked, the rows read and the export written to the audit trail before
  // the first byte, so a refusal is still a problem+json.
  async export(principal: Principal | undefined, format: ProjectExportFormat, query: ProjectExportQuery, res: Response, ip: string | null): Promise<void> {
    const rows = await this.projects.exportRows(principal, query);
    const caller = principal as Principal;
    const { separator, ...filters } = query;
    await this.audit.record(this.dataSource.manager, {
      actorId: caller.userId,
      actorEmail: caller.email,
      action: 'export',
      entityType: 'project',
      entityId: null,
      labId: caller.labId,
      ip,
      after: { format, ...(format === 'csv' ? { separator: separator ?? 'semicolon' } : {}), filters, rows: rows.length },
    });
    const today = parisToday();
    const table = projectExportTable(rows, query.archived === true || query.archived === 'only');
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${projectExportFilename(today, format)}"`);
    // Personal data (project leads' names): never kept by a shared cache.
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') await writeCsvTable(table, separator ?? 'semicolon', res);
    else await writeXlsx(projectExportSummary(query, rows.length, today), [table], res);
  }
}
