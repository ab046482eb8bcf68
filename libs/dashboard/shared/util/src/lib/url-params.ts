// Reading a page's filters back from its URL (a shared link, a reload): each value is checked, and
// one that is unknown or malformed is dropped rather than sent to the API.

export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The first value of a parameter (?a=1&a=2 gives '1').
export function firstParam(params: QueryParams, key: string): string | undefined {
  const raw = params[key];
  return Array.isArray(raw) ? raw[0] : (raw as string | undefined);
}

// A whole number from 1 to max (a page, a page size), else undefined.
export function positiveParam(value: string | undefined, max: number): number | undefined {
  if (!value || !/^\d{1,7}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

// A real calendar day, YYYY-MM-DD: 2026-02-30 is not one.
export function isCalendarDate(value: string | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
