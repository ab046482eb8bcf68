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

// Each row of `select` as one JSON object in the column `column`, which the driver parses: the reads of a
// single record, whose select list is named after the contract's fields like the lists' (see jsonArray).
export const jsonObjects = (select: string, column: string) => `SELECT row_to_json(r) AS ${column} FROM (${select}) r`;

// The rows of `select` as the text of a JSON array, in the order `select` returns them: `select`
// names its columns as the contract's fields. row_to_json writes compact JSON and costs PostgreSQL
// less than half of json_build_object per row (measured on the benchmark's lists).
export const jsonArray = (select: string) =>
  `(SELECT '[' || coalesce(string_agg(row_to_json(json_rows)::text, ','), '') || ']' FROM (${select}) json_rows)`;

// A page of a list as the contract's Page<T>, serialised by PostgreSQL in one statement: `items` is
// the statement of the page (its columns named as the contract's fields), ordered and limited by
// `limit` and `offset`; `total` counts every row. Only JSON written by PostgreSQL and numbers are
// joined into the text. The page's numbers are parameters, so that the text of the statement is the
// same for every page (see PreparedStatements).
export function pageJson(params: unknown[], page: { page: number; pageSize: number }, sql: (limit: PageLimit) => { items: string; total: string }): string {
  const limit = { limit: `$${params.push(page.pageSize)}::int`, offset: `$${params.push((page.page - 1) * page.pageSize)}::int` };
  const pageNumber = `$${params.push(page.page)}::int`;
  const { items, total } = sql(limit);
  return `'{"items":' || ${jsonArray(items)} || ',"total":' || (${total}) || ',"page":' || ${pageNumber} || ',"pageSize":' || ${limit.limit} || '}'`;
}

export interface PageLimit {
  limit: string;
  offset: string;
}
