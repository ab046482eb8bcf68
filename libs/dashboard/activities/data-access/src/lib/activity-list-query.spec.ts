import { activityFiltersFromParams, activityParamsFromFilters, hasActivityFilters } from './activity-list-query';

const PROJECT = '0b7e3c1a-6a4f-4d52-9b1e-2f7f8c1d9a10';

describe('Activités page URL', () => {
  it('reads a shared view, dropping what is malformed', () => {
    expect(activityFiltersFromParams({ kind: 'visit', project: PROJECT, from: '2026-02-30', to: '2026-03-31', q: '  atelier ', page: '2' })).toEqual({
      kind: 'visit',
      project: PROJECT,
      to: '2026-03-31',
      q: 'atelier',
      page: 2,
    });
    expect(activityFiltersFromParams({ kind: 'fete', project: 'moi', pageSize: '500' })).toEqual({});
  });

  it('writes only what is set, and round-trips', () => {
    expect(activityParamsFromFilters({})).toEqual({});
    const filters = { kind: 'workshop' as const, from: '2026-01-01', q: 'quartier', page: 3, pageSize: 100 };
    expect(activityParamsFromFilters(filters)).toEqual({ kind: 'workshop', from: '2026-01-01', q: 'quartier', page: '3', pageSize: '100' });
    expect(activityFiltersFromParams(activityParamsFromFilters(filters))).toEqual(filters);
    expect(hasActivityFilters({ page: 2 })).toBe(false);
    expect(hasActivityFilters(filters)).toBe(true);
  });
});
