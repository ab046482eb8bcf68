import type { Lab, Region } from '@sillon/contracts';
import { ColumnsOf, RowOf, selectList } from '../../database/select-list';

// The contract's Lab as SQL: `l` is the lab, `r` its region.
const LAB_COLUMNS: ColumnsOf<Lab> = {
  id: 'l.id',
  name: 'l.name',
  code: 'l.code',
  regionId: 'l.region_id',
  regionName: 'r.name',
  departments: 'l.departments',
  version: 'l.version',
};

export type LabRow = RowOf<Lab>;

export const LAB_SELECT = `SELECT ${selectList(LAB_COLUMNS)}
  FROM lab l JOIN region r ON r.id = l.region_id`;

export function toLab(row: LabRow): Lab {
  return { ...(row as Lab), departments: (row.departments as string[] | null) ?? [] };
}

export function toRegion(row: { id: string; name: string }): Region {
  return { id: row.id, name: row.name };
}
