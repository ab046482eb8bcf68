import { ACTIVITY_KINDS, ActivityKind, ActivityListQuery, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@sillon/contracts';
import { firstParam, isCalendarDate, positiveParam, QueryParams, UUID_PATTERN } from '@sillon/dashboard/shared/util';

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

// Reads a shared URL; unknown or malformed values are dropped rather than sent to the API.
export function activityFiltersFromParams(params: QueryParams): ActivityFilters {
  const kind = firstParam(params, 'kind');
  const project = firstParam(params, 'project');
  const from = firstParam(params, 'from');
  const to = firstParam(params, 'to');
  const q = firstParam(params, 'q')?.trim().slice(0, 200);
  const filters: ActivityFilters = {
    kind: (ACTIVITY_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ActivityKind) : undefined,
    project: project && UUID_PATTERN.test(project) ? project : undefined,
    from: isCalendarDate(from) ? from : undefined,
    to: isCalendarDate(to) ? to : undefined,
    q: q || undefined,
    page: positiveParam(firstParam(params, 'page'), 1_000_000),
    pageSize: positiveParam(firstParam(params, 'pageSize'), MAX_PAGE_SIZE),
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
