import { ValidateBy, ValidationOptions } from 'class-validator';

// A search finds the records holding every word typed, in any order, without case or accents
// ("bibliotheque mediation" finds "Médiation numérique en bibliothèque"). One LIKE per word on a
// text column kept unaccented and lower-cased (a generated column with a pg_trgm GIN index): PostgreSQL
// ANDs the index's bitmaps. `LIKE ALL (array)` would read the same rows but cannot use a GIN index.
// The word count is bounded so that a list's SQL stays one of a few statement texts.
export const MAX_SEARCH_WORDS = 8;

// The distinct words of a search, as typed (" tiers  lieu " → ['tiers', 'lieu']).
export function searchWords(q: string | undefined | null): string[] {
  return [...new Set((q ?? '').split(/\s+/).filter((word) => word !== ''))];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

// `column` contains every word of `q` (each a parameter, its wildcards taken literally); null when
// `q` holds no word. `column` must already be immutable_unaccent(lower(…)) of the searched text.
export function everyWordIn(column: string, q: string | undefined | null, params: unknown[]): string | null {
  const words = searchWords(q);
  if (!words.length) return null;
  return words.map((word) => `${column} LIKE immutable_unaccent(lower($${params.push(`%${escapeLike(word)}%`)}::text))`).join(' AND ');
}

// A search parameter: at most MAX_SEARCH_WORDS words.
export function IsSearch(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'searchWords',
      validator: {
        // Not a string: IsString says so.
        validate: (value: unknown) => typeof value !== 'string' || searchWords(value).length <= MAX_SEARCH_WORDS,
        defaultMessage: () => `La recherche compte au plus ${MAX_SEARCH_WORDS} mots.`,
      },
    },
    options,
  );
}
