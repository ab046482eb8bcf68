import type { ProjectCommon } from '@sillon/contracts';
import { ColumnsOf, RowOf, selectList } from '../../database/select-list';

// The contract's ProjectCommon as SQL: `c` is the commons, its reuses gathered in their order. Dates
// are cast to text so that no time zone shifts them.
const COMMON_COLUMNS_OF: ColumnsOf<ProjectCommon> = {
  id: 'c.id',
  projectId: 'c.project_id',
  labId: 'c.lab_id',
  title: 'c.title',
  kind: 'c.kind',
  licence: 'c.licence',
  url: 'c.url',
  publishedOn: 'c.published_on::text',
  reuses: `coalesce((SELECT jsonb_agg(jsonb_build_object('territory', u.territory, 'department', u.department, 'since', u.since::text, 'note', u.note)
                       ORDER BY u.position) FROM common_reuse u WHERE u.common_id = c.id), '[]'::jsonb)`,
  version: 'c.version',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

export const COMMON_COLUMNS = selectList(COMMON_COLUMNS_OF);

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

export function toCommon(row: RowOf<ProjectCommon>): ProjectCommon {
  return {
    ...(row as ProjectCommon),
    version: Number(row.version),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
