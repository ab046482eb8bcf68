import { journalFiltersFromParams, journalFiltersToParams, journalQuery, NO_JOURNAL_FILTERS } from './journal-query';

describe('journal filters in the URL', () => {
  const actor = '5c0e2a1b-8f3d-4e6a-9b7c-1d2e3f4a5b6c';

  it('reads the filters and writes back only what differs from none', () => {
    const filters = journalFiltersFromParams({ actor, entity: 'contact', from: '2026-03-01', to: '2026-03-31', page: '2' });
    expect(filters).toEqual({ actor, entity: 'contact', from: '2026-03-01', to: '2026-03-31', page: 2, pageSize: 50 });
    expect(journalFiltersToParams(filters)).toEqual({ actor, entity: 'contact', from: '2026-03-01', to: '2026-03-31', page: '2' });
    expect(journalFiltersToParams(NO_JOURNAL_FILTERS)).toEqual({});
  });

  it('drops what a hand-edited URL gets wrong instead of sending it', () => {
    expect(journalFiltersFromParams({ actor: 'moi', entity: 'DROP TABLE', from: '01/03/2026', page: '-3', pageSize: '5000' })).toEqual(NO_JOURNAL_FILTERS);
  });

  it('asks the API for the filters given and the page', () => {
    expect(journalQuery({ ...NO_JOURNAL_FILTERS, entity: 'project', page: 3 })).toEqual({ entity: 'project', page: 3, pageSize: 50 });
  });
});
