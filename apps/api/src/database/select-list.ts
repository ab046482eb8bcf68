// The SQL of a contract's fields, one expression per field. Typed against the contract, so that adding
// a field to the contract, or removing one, does not compile until the select list follows.
export type ColumnsOf<T> = Readonly<Record<keyof T, string>>;

// A row as a select list built from ColumnsOf<T> returns it, before the driver's values (Date,
// bigint text) are turned into the contract's.
export type RowOf<T> = Record<keyof T, unknown>;

// `expression AS "field", …`: each column named as its contract field, for row_to_json or a mapper.
// `fields` picks some of them (a list's lighter shape); by default every field, in the record's order.
export function selectList<T>(columns: ColumnsOf<T>, fields: readonly (keyof T)[] = Object.keys(columns) as (keyof T)[]): string {
  return fields.map((field) => `${columns[field]} AS "${String(field)}"`).join(', ');
}

// The contract's fields of a row selected with more columns than them (a window count, say).
export function contractFields<T>(columns: ColumnsOf<T>, row: NoInfer<RowOf<T>>): T {
  return Object.fromEntries(Object.keys(columns).map((field) => [field, row[field as keyof T]])) as T;
}
