import { ProjectListQuery } from './project';
import { CsvSeparator } from './report';

// GET /api/v1/projects.csv | .xlsx: every project of the list for the same filters and sort, no page.
export const PROJECT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ProjectExportFormat = (typeof PROJECT_EXPORT_FORMATS)[number];

export interface ProjectExportQuery extends Omit<ProjectListQuery, 'page' | 'pageSize'> {
  // CSV only: ';' by default (a French Excel), or ','.
  separator?: CsvSeparator;
}
