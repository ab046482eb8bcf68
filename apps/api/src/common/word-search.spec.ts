import { validate } from 'class-validator';
import { everyWordIn, IsSearch, searchWords } from './word-search';

class Query {
  @IsSearch() q?: string;
}

describe('word search', () => {
  it('splits a search into its distinct words', () => {
    expect(searchWords('  bibliotheque   mediation ')).toEqual(['bibliotheque', 'mediation']);
    expect(searchWords('lieu tiers lieu')).toEqual(['lieu', 'tiers']);
    expect(searchWords('   ')).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
  });

  it('asks for each word as a parameter, wildcards taken literally', () => {
    const params: unknown[] = ['lab'];
    expect(everyWordIn('p.search_text', 'Médiation 100%', params)).toBe(
      'p.search_text LIKE immutable_unaccent(lower($2::text)) AND p.search_text LIKE immutable_unaccent(lower($3::text))',
    );
    expect(params).toEqual(['lab', '%Médiation%', '%100\\%%']);
    expect(everyWordIn('p.search_text', ' ', params)).toBeNull();
    expect(params).toHaveLength(3);
  });

  it('refuses more than eight words', async () => {
    const query = (q: string) => Object.assign(new Query(), { q });
    expect(await validate(query('un deux trois quatre cinq six sept huit'))).toEqual([]);
    const [error] = await validate(query('un deux trois quatre cinq six sept huit neuf'));
    expect(error.constraints).toEqual({ searchWords: 'La recherche compte au plus 8 mots.' });
  });
});
