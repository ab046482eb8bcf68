import { ACTIVITY_KINDS, ActivityKind, ActivityListQuery, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@sillon/contracts';

// What the URL of the Activités page carries: the API's filters and the page.
export interface ActivityFilters {
  kind?: ActivityKind;
  project?: string;
  from?: string;
  to?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export type ActivityFilterKey = 'kind' | 'project' | 'from' | 'to' | 'q';

type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function one(params: QueryParams, key: string): string | undefined {
  const raw = params[key];
  return Array.isArray(raw) ? raw[0] : (raw as string | undefined);
}

function positive(value: string | undefined, max: number): number | undefined {
  if (!value || !/^\d{1,7}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

// A real calendar day: 2026-02-30 is not one.
function isDate(value: string | undefined): value is string {
  if (!value || !DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

// Reads a shared URL; unknown or malformed values are dropped rather than sent to the API.
export function activityFiltersFromParams(params: QueryParams): ActivityFilters {
  const kind = one(params, 'kind');
  const project = one(params, 'project');
  const from = one(params, 'from');
  const to = one(params, 'to');
  const q = one(params, 'q')?.trim().slice(0, 200);
  const filters: ActivityFilters = {
    kind: (ACTIVITY_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ActivityKind) : undefined,
    project: project && UUID.test(project) ? project : undefined,
    from: isDate(from) ? from : undefined,
    to: isDate(to) ? to : undefined,
    q: q || undefined,
    page: positive(one(params, 'page'), 1_000_000),
    pageSize: positive(one(params, 'pageSize'), MAX_PAGE_SIZE),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as ActivityFilters;
}

// The URL for a set of filters: defaults are left out so URLs stay short.
export function activityParamsFromFilters(filters: ActivityFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['kind', 'project', 'from', 'to', 'q'] as const) {
    const value = filters[key];
    if (value) params[key] = value;
  }
  if (filters.page && filters.page > 1) params['page'] = String(filters.page);
  if (filters.pageSize && filters.pageSize !== DEFAULT_PAGE_SIZE) params['pageSize'] = String(filters.pageSize);
  return params;
}

export function hasActivityFilters(filters: ActivityFilters): boolean {
  return !!(filters.kind || filters.project || filters.from || filters.to || filters.q);
}

export function activityQueryFromFilters(filters: ActivityFilters): ActivityListQuery {
  return { ...filters };
}
