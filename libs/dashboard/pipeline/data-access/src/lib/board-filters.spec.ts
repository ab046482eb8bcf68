import { activeFilterCount, filtersFromParams, filtersToParams } from './board-filters';

describe('board filters in the URL', () => {
  it('reads repeated and single values, dropping unknown ones', () => {
    const filters = filtersFromParams({
      theme: ['emploi', 'pas-un-theme', 'emploi'],
      health: 'red',
      department: ['59', '999'],
      lead: ['6f1c1a52-7a9c-4a43-9f1e-3c4b8f5e2d10', 'robert'],
    });
    expect(filters).toEqual({ theme: ['emploi'], health: ['red'], department: ['59'], lead: ['6f1c1a52-7a9c-4a43-9f1e-3c4b8f5e2d10'] });
    expect(activeFilterCount(filters)).toBe(4);
  });

  it('writes empty filters as null so they leave the URL', () => {
    expect(filtersToParams({ theme: [], lead: [], health: ['amber'], department: [] })).toEqual({
      theme: null,
      lead: null,
      health: ['amber'],
      department: null,
    });
  });
});
