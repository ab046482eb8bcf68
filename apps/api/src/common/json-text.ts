// A response body PostgreSQL has already serialised (json_build_object … ::text). The read paths
// with many rows send it as it is: parsing each row into objects and stringifying them again was
// most of the API's CPU per request (see README, "Benchmark").
export class JsonText<T> {
  // Ties the text to the contract type it carries; never set.
  declare private readonly shape?: T;

  constructor(readonly text: string) {}
}

// For @Header('Content-Type', …) on the routes that return JsonText#text.
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

// An ISO 8601 UTC instant with milliseconds, as Date#toISOString writes it (PostgreSQL's MS truncates,
// like the JavaScript Date built from the driver's microseconds).
export const isoInstant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// A calendar date as YYYY-MM-DD, whatever the server's DateStyle.
export const isoDate = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

// A page of a list as the contract's Page<T>, serialised by PostgreSQL in one statement. `items` is
// the statement of the page (one JSON value per row in the column `item`), ordered and limited by
// `page.limit` and `page.offset`; `total` counts every row. The page's numbers are parameters, so
// that the text is the same for every page (see PreparedStatements).
export function pageJson(params: unknown[], page: { page: number; pageSize: number }, sql: (limit: PageLimit) => { items: string; total: string }): string {
  const limit = { limit: `$${params.push(page.pageSize)}::int`, offset: `$${params.push((page.page - 1) * page.pageSize)}::int` };
  const pageNumber = `$${params.push(page.page)}::int`;
  const { items, total } = sql(limit);
  return `json_build_object(
     'items', COALESCE((SELECT json_agg(page_rows.item) FROM (${items}) page_rows), '[]'::json),
     'total', (${total}),
     'page', ${pageNumber}, 'pageSize', ${limit.limit})::text`;
}

export interface PageLimit {
  limit: string;
  offset: string;
}
