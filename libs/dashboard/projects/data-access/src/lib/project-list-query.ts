import {
  DEFAULT_PAGE_SIZE,
  DEPARTMENT_CODE_PATTERN,
  HEALTHS,
  MAX_PAGE_SIZE,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  ProjectExportFormat,
  ProjectListQuery,
  ProjectSort,
  STAGES,
  THEMES,
} from '@sillon/contracts';
import { firstParam, positiveParam, UUID_PATTERN } from '@sillon/dashboard/shared/util';

// What the URL of the Projets page carries: the API's own filter names, so a view can be shared as is.
export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

export const LIST_FILTER_KEYS = ['lab', 'stage', 'status', 'health', 'theme', 'department', 'lead'] as const;
export type ListFilterKey = (typeof LIST_FILTER_KEYS)[number];

const SORTS: readonly string[] = PROJECT_SORTS.flatMap((s) => [s, `-${s}`]);
export const DEFAULT_SORT: ProjectSort = '-updatedAt';

function list(params: QueryParams, key: string, allowed: (value: string) => boolean): string[] | undefined {
  const raw = params[key];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw as string]).flatMap((v) => v.split(',')).map((v) => v.trim());
  const kept = [...new Set(values.filter((v) => v !== '' && allowed(v)))];
  return kept.length ? kept : undefined;
}

const among = (values: readonly string[]) => (v: string) => values.includes(v);

// Reads a shared URL; unknown or malformed values are dropped rather than sent to the API.
export function queryFromParams(params: QueryParams): ProjectListQuery {
  const sort = firstParam(params, 'sort');
  const q = firstParam(params, 'q')?.trim().slice(0, 200);
  const query: ProjectListQuery = {
    lab: list(params, 'lab', (v) => UUID_PATTERN.test(v)),
    stage: list(params, 'stage', among(STAGES)) as ProjectListQuery['stage'],
    status: list(params, 'status', among(PROJECT_STATUSES)) as ProjectListQuery['status'],
    health: list(params, 'health', among(HEALTHS)) as ProjectListQuery['health'],
    theme: list(params, 'theme', among(THEMES)) as ProjectListQuery['theme'],
    department: list(params, 'department', (v) => DEPARTMENT_CODE_PATTERN.test(v)),
    lead: list(params, 'lead', (v) => UUID_PATTERN.test(v)),
    q: q || undefined,
    sort: sort && SORTS.includes(sort) ? (sort as ProjectSort) : undefined,
    page: positiveParam(firstParam(params, 'page'), 1_000_000),
    pageSize: positiveParam(firstParam(params, 'pageSize'), MAX_PAGE_SIZE),
    // Lab managers' "Archivés" view: the archived projects alone.
    archived: firstParam(params, 'archived') === 'only' ? 'only' : undefined,
  };
  return withoutEmpty(query);
}

// The URL for a query: defaults and empty filters are left out so URLs stay short.
export function paramsFromQuery(query: ProjectListQuery): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const key of LIST_FILTER_KEYS) {
    const values = query[key];
    if (values?.length) params[key] = [...values];
  }
  if (query.q) params['q'] = query.q;
  if (query.archived === 'only') params['archived'] = 'only';
  if (query.sort && query.sort !== DEFAULT_SORT) params['sort'] = query.sort;
  if (query.page && query.page > 1) params['page'] = String(query.page);
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) params['pageSize'] = String(query.pageSize);
  return params;
}

export function hasFilters(query: ProjectListQuery): boolean {
  return LIST_FILTER_KEYS.some((key) => query[key]?.length) || !!query.q || query.archived === 'only';
}

function withoutEmpty(query: ProjectListQuery): ProjectListQuery {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as ProjectListQuery;
}

// The file of the list as filtered and sorted, every page: a plain link, so the browser downloads it
// under the name the server gives.
export function projectExportUrl(format: ProjectExportFormat, query: ProjectListQuery): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(paramsFromQuery({ ...query, page: undefined, pageSize: undefined }))) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  const text = search.toString();
  return `/api/v1/projects.${format}${text ? `?${text}` : ''}`;
}
