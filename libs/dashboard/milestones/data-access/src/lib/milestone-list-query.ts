import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MilestoneListQuery, STAGES, Stage } from '@sillon/contracts';
import { firstParam, isCalendarDate, positiveParam, QueryParams, UUID_PATTERN } from '@sillon/dashboard/shared/util';

// The three views of the Jalons page.
export const MILESTONE_VIEWS = ['upcoming', 'overdue', 'done'] as const;
export type MilestoneView = (typeof MILESTONE_VIEWS)[number];

export const MILESTONE_VIEW_LABELS_FR: Readonly<Record<MilestoneView, string>> = {
  upcoming: 'À venir',
  overdue: 'En retard',
  done: 'Réalisés',
};

// What the URL of the Jalons page carries. `from` and `to` bound the due date, or the completion
// date in the "done" view.
export interface MilestoneFilters {
  view: MilestoneView;
  project?: string;
  owner?: string;
  stage?: Stage;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export type MilestoneFilterKey = 'project' | 'owner' | 'stage' | 'from' | 'to';

// Reads a shared URL; unknown or malformed values are dropped rather than sent to the API.
export function filtersFromParams(params: QueryParams): MilestoneFilters {
  const view = firstParam(params, 'view');
  const project = firstParam(params, 'project');
  const owner = firstParam(params, 'owner');
  const stage = firstParam(params, 'stage');
  const from = firstParam(params, 'from');
  const to = firstParam(params, 'to');
  const filters: MilestoneFilters = {
    view: (MILESTONE_VIEWS as readonly string[]).includes(view ?? '') ? (view as MilestoneView) : 'upcoming',
    project: project && UUID_PATTERN.test(project) ? project : undefined,
    owner: owner && UUID_PATTERN.test(owner) ? owner : undefined,
    stage: (STAGES as readonly string[]).includes(stage ?? '') ? (stage as Stage) : undefined,
    from: isCalendarDate(from) ? from : undefined,
    to: isCalendarDate(to) ? to : undefined,
    page: positiveParam(firstParam(params, 'page'), 1_000_000),
    pageSize: positiveParam(firstParam(params, 'pageSize'), MAX_PAGE_SIZE),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as unknown as MilestoneFilters;
}

// The URL for a set of filters: defaults are left out so URLs stay short.
export function paramsFromFilters(filters: MilestoneFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.view !== 'upcoming') params['view'] = filters.view;
  for (const key of ['project', 'owner', 'stage', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params[key] = value;
  }
  if (filters.page && filters.page > 1) params['page'] = String(filters.page);
  if (filters.pageSize && filters.pageSize !== DEFAULT_PAGE_SIZE) params['pageSize'] = String(filters.pageSize);
  return params;
}

export function hasMilestoneFilters(filters: MilestoneFilters): boolean {
  return !!(filters.project || filters.owner || filters.stage || filters.from || filters.to);
}

// The API's query for a view: upcoming is planned and not overdue; overdue is planned and due
// before today; done is done, its dates bounding the completion.
export function queryFromFilters(filters: MilestoneFilters): MilestoneListQuery {
  const query: MilestoneListQuery = {
    project: filters.project,
    owner: filters.owner,
    stage: filters.stage,
    page: filters.page,
    pageSize: filters.pageSize,
  };
  if (filters.view === 'done') {
    return { ...query, status: 'done', completedFrom: filters.from, completedTo: filters.to };
  }
  const dates = { dueFrom: filters.from, dueTo: filters.to };
  return filters.view === 'overdue' ? { ...query, ...dates, overdue: true } : { ...query, ...dates, status: 'planned', overdue: false };
}
