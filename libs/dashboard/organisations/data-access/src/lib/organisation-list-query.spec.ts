import { organisationParamsFromQuery, organisationQueryFromParams } from './organisation-list-query';

describe('organisation list query in the URL', () => {
  it('reads the filters, dropping what the API would refuse', () => {
    expect(organisationQueryFromParams({ q: 'ccas roubaix', type: 'association', page: '3', pageSize: '20' })).toEqual({
      q: 'ccas roubaix',
      type: 'association',
      page: 3,
      pageSize: 20,
    });
    expect(organisationQueryFromParams({ q: '   ', type: 'club', page: '0', pageSize: '500', lab: 'x' })).toEqual({ page: 1, pageSize: 50 });
    expect(organisationQueryFromParams({ type: ['company', 'state'] })).toEqual({ type: 'company', page: 1, pageSize: 50 });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(organisationParamsFromQuery({ page: 1, pageSize: 50 })).toEqual({});
    const params = organisationParamsFromQuery({ q: 'tiers lieu ', type: 'social_economy', page: 2, pageSize: 100 });
    expect(params).toEqual({ q: 'tiers lieu ', type: 'social_economy', page: '2', pageSize: '100' });
    expect(organisationQueryFromParams(params)).toEqual({ q: 'tiers lieu ', type: 'social_economy', page: 2, pageSize: 100 });
  });
});
