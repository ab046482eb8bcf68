import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ORGANISATION_TYPES, OrganisationListQuery, OrganisationType } from '@sillon/contracts';
import { firstParam, positiveParam, UUID_PATTERN } from '@sillon/dashboard/shared/util';

// What the URL of the Organisations page carries (?q=…&type=association&page=2), in the API's own
// names: a filtered view can be shared, reloaded, and the back button returns to the one before.
export type OrganisationQueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

// Reads a shared URL; unknown or malformed values are dropped rather than sent to the API. The search
// keeps what was typed (spaces included), so the field shows it back exactly.
export function organisationQueryFromParams(params: OrganisationQueryParams): OrganisationListQuery {
  const q = firstParam(params, 'q')?.slice(0, 200);
  const type = firstParam(params, 'type');
  const lab = firstParam(params, 'lab');
  return {
    ...(lab && UUID_PATTERN.test(lab) ? { lab } : {}),
    ...(type && (ORGANISATION_TYPES as readonly string[]).includes(type) ? { type: type as OrganisationType } : {}),
    ...(q?.trim() ? { q } : {}),
    page: positiveParam(firstParam(params, 'page'), 1_000_000) ?? 1,
    pageSize: positiveParam(firstParam(params, 'pageSize'), MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
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
