import { DEPARTMENT_CODE_PATTERN, PortfolioReportQuery, PROJECT_STATUSES, STAGES, THEMES } from '@sillon/contracts';
import { isCalendarDate, UUID_PATTERN } from '@sillon/dashboard/shared/util';

type UrlParams = Record<string, string | string[] | undefined>;

const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

// The scope of a report lives in the page's URL, so that it can be shared. Values the API would
// refuse are dropped here rather than answered with an error page.
export function reportQueryFromUrl(params: UrlParams): PortfolioReportQuery {
  const query: PortfolioReportQuery = {};
  for (const key of ['from', 'to', 'asOf'] as const) {
    const value = list(params[key])[0];
    if (isCalendarDate(value)) query[key] = value;
  }
  const pick = <T extends string>(key: string, allowed: (v: string) => boolean) => list(params[key]).filter(allowed) as T[];
  const lab = pick<string>('lab', (v) => UUID_PATTERN.test(v));
  const region = list(params['region'])[0];
  if (region && UUID_PATTERN.test(region)) query.region = region;
  const stage = pick<(typeof STAGES)[number]>('stage', (v) => (STAGES as readonly string[]).includes(v));
  const status = pick<(typeof PROJECT_STATUSES)[number]>('status', (v) => (PROJECT_STATUSES as readonly string[]).includes(v));
  const theme = pick<(typeof THEMES)[number]>('theme', (v) => (THEMES as readonly string[]).includes(v));
  const department = pick<string>('department', (v) => DEPARTMENT_CODE_PATTERN.test(v));
  if (lab.length) query.lab = lab;
  if (stage.length) query.stage = stage;
  if (status.length) query.status = status;
  if (theme.length) query.theme = theme;
  if (department.length) query.department = department;
  return query;
}

// Query params for router.navigate: every key present, null for what is unset (so it leaves the URL).
export function reportQueryToUrl(query: PortfolioReportQuery): Record<string, string | string[] | null> {
  const many = (values: string[] | undefined) => (values?.length ? values : null);
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    asOf: query.asOf ?? null,
    lab: many(query.lab),
    region: query.region ?? null,
    stage: many(query.stage),
    status: many(query.status),
    theme: many(query.theme),
    department: many(query.department),
  };
}
