import { Params } from '@angular/router';
import { Health, HEALTHS, Theme, THEMES, DEPARTMENT_CODE_PATTERN } from '@sillon/contracts';
import { UUID_PATTERN } from '@sillon/dashboard/shared/util';

// Filters of the Pipeline board, kept in the URL (?theme=emploi&health=red&department=59&lead=<id>).
export interface BoardFilters {
  theme: Theme[];
  lead: string[];
  health: Health[];
  department: string[];
}

export const NO_FILTERS: BoardFilters = { theme: [], lead: [], health: [], department: [] };

function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

// Unknown values in a shared link are dropped rather than sent to the API.
export function filtersFromParams(params: Params): BoardFilters {
  return {
    theme: list(params['theme']).filter((t): t is Theme => (THEMES as readonly string[]).includes(t)),
    lead: list(params['lead']).filter((id) => UUID_PATTERN.test(id)),
    health: list(params['health']).filter((h): h is Health => (HEALTHS as readonly string[]).includes(h)),
    department: list(params['department']).filter((d) => DEPARTMENT_CODE_PATTERN.test(d)),
  };
}

// Query params for router.navigate: empty filters become null so they leave the URL.
export function filtersToParams(filters: BoardFilters): Params {
  return Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, values.length ? values : null]));
}

export function activeFilterCount(filters: BoardFilters): number {
  return Object.values(filters).reduce((n, values) => n + values.length, 0);
}
