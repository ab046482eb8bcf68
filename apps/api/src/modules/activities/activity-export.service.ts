import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACTIVITY_ACTOR_LABELS_FR,
  ACTIVITY_ACTOR_TYPES,
  ACTIVITY_KIND_LABELS_FR,
  ActivityExportFormat,
  ActivityExportQuery,
  LabActivity,
} from '@sillon/contracts';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { parisToday } from '../../common/paris-today';
import { AuditService } from '../audit/audit.service';
import { Principal } from '../access/principal';
import { writeCsvTable } from '../reports/csv-export';
import { CellType, CellValue, ExportTable, ReportColumn } from '../reports/report-tables';
import { writeXlsx } from '../reports/xlsx-export';
import { ActivitiesService } from './activities.service';

const CONTENT_TYPES: Record<ActivityExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const col = (header: string, type: CellType, width: number, value: (row: LabActivity) => CellValue): ReportColumn<LabActivity> => ({
  header,
  type,
  width,
  value,
});

// The activities as a table with French headers; the reports' writers neutralise what a spreadsheet
// would run as a formula in every text cell.
export function activityExportTable(rows: LabActivity[]): ExportTable<LabActivity> {
  return {
    key: 'activities',
    title: 'Activités',
    slug: 'activites',
    columns: [
      col('Date de début', 'date', 14, (r) => r.startsOn),
      col('Date de fin', 'date', 14, (r) => r.endsOn),
      col('Intitulé', 'text', 40, (r) => r.title),
      col('Type', 'text', 14, (r) => ACTIVITY_KIND_LABELS_FR[r.kind]),
      col('Lab', 'text', 24, (r) => r.labName),
      col('Lieu', 'text', 24, (r) => r.place),
      col('Projets liés', 'text', 30, (r) => r.projects.map((p) => `${p.code} ${p.name}`).join(', ')),
      col('Animé avec', 'text', 30, (r) => r.facilitators.map((f) => f.name).join(', ')),
      ...ACTIVITY_ACTOR_TYPES.map((type) => col(ACTIVITY_ACTOR_LABELS_FR[type], 'int', 13, (r) => r.attendance[type])),
      col('Total des participants', 'int', 20, (r) => r.participants),
      col('Description', 'text', 40, (r) => r.description),
    ],
    pages: async function* () {
      yield rows;
    },
  };
}

const activityExportSummary = (query: ActivityExportQuery, rows: LabActivity[], today: string): { label: string; type: CellType; value: CellValue }[] => [
  { label: 'Exporté le', type: 'date', value: today },
  { label: 'Activités', type: 'int', value: rows.length },
  { label: 'Participants', type: 'int', value: rows.reduce((n, r) => n + r.participants, 0) },
  { label: 'À partir du', type: 'date', value: query.from ?? null },
  { label: "Jusqu'au", type: 'date', value: query.to ?? null },
  { label: 'Type', type: 'text', value: query.kind ? ACTIVITY_KIND_LABELS_FR[query.kind] : 'Tous' },
  { label: 'Recherche', type: 'text', value: query.q?.trim() || '—' },
  { label: 'Projet', type: 'text', value: query.project ? 'Un projet choisi' : 'Tous' },
];

// sillon-activites-<today in Paris>.<ext>
export const activityExportFilename = (today: string, format: ActivityExportFormat) => `sillon-activites-${today}.${format}`;

@Injectable()
export class ActivityExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesService,
    private readonly audit: AuditService,
  ) {}

  // Access and filters are checked, the rows read and the export audited before the first byte.
  async export(principal: Principal, format: ActivityExportFormat, query: ActivityExportQuery, res: Response, ip: string | null): Promise<void> {
    const rows = await this.activities.exportRows(principal, query);
    const { separator, ...filters } = query;
    await this.audit.record(this.dataSource.manager, {
      actorId: principal.userId,
      actorEmail: principal.email,
      action: 'export',
      entityType: 'lab_activity',
      entityId: null,
      labId: principal.labId,
      ip,
      after: { format, ...(format === 'csv' ? { separator: separator ?? 'semicolon' } : {}), filters, rows: rows.length },
    });
    const today = parisToday();
    const table = activityExportTable(rows);
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${activityExportFilename(today, format)}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') await writeCsvTable(table, separator ?? 'semicolon', res);
    else await writeXlsx(activityExportSummary(query, rows, today), [table], res);
  }
}
