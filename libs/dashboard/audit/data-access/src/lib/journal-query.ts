import { AuditQuery, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@sillon/contracts';
import { UUID_PATTERN } from '@sillon/dashboard/shared/util';

// The journal's filters as the URL holds them: ?actor=…&entity=project&from=2026-03-01&to=2026-03-31&page=2
export interface JournalFilters {
  actor: string | null;
  entity: string | null;
  from: string | null;
  to: string | null;
  page: number;
  pageSize: number;
}

export const NO_JOURNAL_FILTERS: JournalFilters = { actor: null, entity: null, from: null, to: null, page: 1, pageSize: DEFAULT_PAGE_SIZE };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KIND = /^[a-z_]{1,64}$/;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const whole = (value: unknown, fallback: number, max: number): number => {
  const n = Number(text(value));
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
};

// A hand-edited URL keeps what makes sense and drops the rest, rather than asking the API for a 400.
export function journalFiltersFromParams(params: Record<string, unknown>): JournalFilters {
  const actor = text(params['actor']);
  const entity = text(params['entity']);
  const from = text(params['from']);
  const to = text(params['to']);
  return {
    actor: actor && UUID_PATTERN.test(actor) ? actor : null,
    entity: entity && KIND.test(entity) ? entity : null,
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
    page: whole(params['page'], 1, 1_000_000),
    pageSize: whole(params['pageSize'], DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

// Only what differs from no filter, so that the plain journal is plain /journal.
export function journalFiltersToParams(filters: JournalFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.actor) params['actor'] = filters.actor;
  if (filters.entity) params['entity'] = filters.entity;
  if (filters.from) params['from'] = filters.from;
  if (filters.to) params['to'] = filters.to;
  if (filters.page !== 1) params['page'] = String(filters.page);
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params['pageSize'] = String(filters.pageSize);
  return params;
}

export function journalQuery(filters: JournalFilters): AuditQuery {
  return {
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    page: filters.page,
    pageSize: filters.pageSize,
  };
}
