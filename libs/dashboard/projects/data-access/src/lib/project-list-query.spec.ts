import { hasFilters, paramsFromQuery, queryFromParams, projectExportUrl } from './project-list-query';

const LEAD = '0b7e3c1a-6a4f-4d52-9b1e-2f7f8c1d9a10';

describe('project list query in the URL', () => {
  it('reads repeated and comma-separated filters, dropping unknown values', () => {
    expect(
      queryFromParams({
        stage: ['ideation', 'prototyping,nope'],
        health: 'red',
        department: ['59', '999', '2A'],
        lead: [LEAD, 'not-a-uuid'],
        theme: 'mobilite',
        q: '  vélo ',
        sort: 'name',
        page: '3',
      }),
    ).toEqual({
      stage: ['ideation', 'prototyping'],
      health: ['red'],
      department: ['59', '2A'],
      lead: [LEAD],
      theme: ['mobilite'],
      q: 'vélo',
      sort: 'name',
      page: 3,
    });
  });

  it('ignores a malformed sort, page or page size', () => {
    expect(queryFromParams({ sort: 'password', page: '0', pageSize: '5000', status: 'deleted' })).toEqual({});
  });

  it('writes only what differs from the defaults', () => {
    expect(paramsFromQuery({ stage: ['incubation'], sort: '-updatedAt', page: 1, pageSize: 50, q: '' })).toEqual({ stage: ['incubation'] });
    expect(paramsFromQuery({ health: ['amber', 'red'], sort: 'code', page: 2, pageSize: 20 })).toEqual({
      health: ['amber', 'red'],
      sort: 'code',
      page: '2',
      pageSize: '20',
    });
  });

  it('round-trips a shared view', () => {
    const query = { stage: ['ideation' as const], department: ['62'], q: 'atelier', sort: 'startDate' as const, page: 2 };
    expect(queryFromParams(paramsFromQuery(query))).toEqual(query);
  });

  it('tells whether any filter is set', () => {
    expect(hasFilters({ sort: 'name', page: 2 })).toBe(false);
    expect(hasFilters({ q: 'x' })).toBe(true);
    expect(hasFilters({ theme: ['sante'] })).toBe(true);
  });

  it('links the export of the whole filtered list, without its page', () => {
    const query = { stage: ['ideation' as const, 'incubation' as const], q: 'médiation bibliothèque', sort: 'code' as const, page: 3, pageSize: 20 };
    expect(projectExportUrl('csv', query)).toBe('/api/v1/projects.csv?stage=ideation&stage=incubation&q=m%C3%A9diation+biblioth%C3%A8que&sort=code');
    expect(projectExportUrl('xlsx', {})).toBe('/api/v1/projects.xlsx');
  });
});
