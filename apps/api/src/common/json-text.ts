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

// A page of a list as the contract's Page<T>: the items (a statement ordered and limited, one JSON
// value per row in the column `item`), the total and the page, serialised by PostgreSQL in one statement.
export const pageJson = (itemsSql: string, totalSql: string, page: number, pageSize: number) =>
  `json_build_object(
     'items', COALESCE((SELECT json_agg(page_rows.item) FROM (${itemsSql}) page_rows), '[]'::json),
     'total', (${totalSql}),
     'page', ${Number(page)}, 'pageSize', ${Number(pageSize)})::text`;
