import { filtersFromParams, hasMilestoneFilters, paramsFromFilters, queryFromFilters } from './milestone-list-query';

const PROJECT = '0b7e3c1a-6a4f-4d52-9b1e-2f7f8c1d9a10';
const OWNER = '5d1c2b3a-1111-4222-8333-444455556666';

describe('Jalons page URL', () => {
  it('reads a shared view, dropping what is malformed', () => {
    expect(filtersFromParams({ view: 'done', project: PROJECT, owner: 'moi', stage: 'prototyping', from: '2026-02-30', to: '2026-03-31', page: '2' })).toEqual({
      view: 'done',
      project: PROJECT,
      stage: 'prototyping',
      to: '2026-03-31',
      page: 2,
    });
    expect(filtersFromParams({ view: 'bientot', stage: 'launch' })).toEqual({ view: 'upcoming' });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(paramsFromFilters({ view: 'upcoming' })).toEqual({});
    const filters = { view: 'overdue' as const, owner: OWNER, from: '2026-01-01', page: 3 };
    expect(paramsFromFilters(filters)).toEqual({ view: 'overdue', owner: OWNER, from: '2026-01-01', page: '3' });
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
    expect(hasMilestoneFilters({ view: 'overdue' })).toBe(false);
    expect(hasMilestoneFilters(filters)).toBe(true);
  });

  it('asks the API for each view: upcoming is planned and not late, overdue is late, done bounds the completion date', () => {
    const dates = { from: '2026-01-01', to: '2026-06-30' };
    expect(queryFromFilters({ view: 'upcoming', ...dates, stage: 'ideation' })).toMatchObject({
      status: 'planned',
      overdue: false,
      dueFrom: '2026-01-01',
      dueTo: '2026-06-30',
      stage: 'ideation',
    });
    expect(queryFromFilters({ view: 'overdue', ...dates })).toMatchObject({ overdue: true, dueFrom: '2026-01-01', dueTo: '2026-06-30' });
    const done = queryFromFilters({ view: 'done', ...dates, owner: OWNER });
    expect(done).toMatchObject({ status: 'done', completedFrom: '2026-01-01', completedTo: '2026-06-30', owner: OWNER });
    expect(done.dueFrom).toBeUndefined();
    expect(done.overdue).toBeUndefined();
  });
});
