import type { Lab, Region } from '@sillon/contracts';

export interface LabRow {
  id: string;
  name: string;
  code: string;
  region_id: string;
  region_name: string;
  departments: string[];
  version: number;
}

export const LAB_SELECT = `SELECT l.id, l.name, l.code, l.region_id, r.name AS region_name, l.departments, l.version
  FROM lab l JOIN region r ON r.id = l.region_id`;

export function toLab(row: LabRow): Lab {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    regionId: row.region_id,
    regionName: row.region_name,
    departments: row.departments ?? [],
    version: row.version,
  };
}

export function toRegion(row: { id: string; name: string }): Region {
  return { id: row.id, name: row.name };
}
