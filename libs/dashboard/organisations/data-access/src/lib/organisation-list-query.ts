import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ORGANISATION_TYPES, OrganisationListQuery, OrganisationType } from '@sillon/contracts';

// What the URL of the Organisations page carries (?q=…&type=association&page=2), in the API's own
// names: a filtered view can be shared, reloaded, and the back button returns to the one before.
export type OrganisationQueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function one(params: OrganisationQueryParams, key: string): string | undefined {
  const raw = params[key];
  return Array.isArray(raw) ? raw[0] : (raw as string | undefined);
}

function positive(value: string | undefined, max: number): number | undefined {
  if (!value || !/^\d{1,7}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

// Reads a shared URL; unknown or malformed values are dropped rather than sent to the API. The search
// keeps what was typed (spaces included), so the field shows it back exactly.
export function organisationQueryFromParams(params: OrganisationQueryParams): OrganisationListQuery {
  const q = one(params, 'q')?.slice(0, 200);
  const type = one(params, 'type');
  const lab = one(params, 'lab');
  return {
    ...(lab && UUID.test(lab) ? { lab } : {}),
    ...(type && (ORGANISATION_TYPES as readonly string[]).includes(type) ? { type: type as OrganisationType } : {}),
    ...(q?.trim() ? { q } : {}),
    page: positive(one(params, 'page'), 1_000_000) ?? 1,
    pageSize: positive(one(params, 'pageSize'), MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
  };
}

// The URL of a query: defaults and empty filters are left out.
export function organisationParamsFromQuery(query: OrganisationListQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.lab) params['lab'] = query.lab;
  if (query.type) params['type'] = query.type;
  if (query.q?.trim()) params['q'] = query.q;
  if (query.page && query.page > 1) params['page'] = String(query.page);
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) params['pageSize'] = String(query.pageSize);
  return params;
}
