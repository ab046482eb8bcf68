import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OPEN_DATA_FIELDS, OpenDataProject } from '@sillon/contracts';
import { stringify } from 'csv-stringify/sync';
import { Repository } from 'typeorm';
import { ColumnsOf, selectList } from '../../database/select-list';
import { neutraliseFormula } from '../reports/spreadsheet-safety';
import { ProjectCommonEntity } from './project-common.entity';

// The view open_data_project (migration ProjectCommons) is the only way anonymous readers reach a
// project: public, not archived, non-personal columns. Row-level security keeps everything else away.
const OPEN_DATA_COLUMNS: ColumnsOf<OpenDataProject> = {
  code: 'o.code',
  name: 'o.name',
  summary: 'o.summary',
  themes: 'o.themes',
  stage: 'o.stage',
  status: 'o.status',
  departments: 'o.departments',
  labName: 'o.lab_name',
  regionName: 'o.region_name',
  startDate: 'o.start_date',
  lastUpdated: 'o.last_updated',
  commons: 'o.commons',
};

@Injectable()
export class OpenDataService {
  constructor(@InjectRepository(ProjectCommonEntity) private readonly commons: Repository<ProjectCommonEntity>) {}

  async projects(): Promise<OpenDataProject[]> {
    return this.commons.query(`SELECT ${selectList(OPEN_DATA_COLUMNS)} FROM open_data_project o ORDER BY o.region_name, o.lab_name, o.code`);
  }

  // RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM for spreadsheets; lists as JSON text (as the
  // Table Schema's array type reads them), text cells that a spreadsheet could run as a formula neutralised.
  async csv(): Promise<string> {
    const rows = (await this.projects()).map((project) =>
      OPEN_DATA_FIELDS.map((field) => {
        const value = project[field];
        if (value === null) return '';
        return typeof value === 'string' ? neutraliseFormula(value) : JSON.stringify(value);
      }),
    );
    return `\ufeff${stringify([[...OPEN_DATA_FIELDS], ...rows], { record_delimiter: 'windows' })}`;
  }
}
