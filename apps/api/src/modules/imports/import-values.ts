import { DEPARTMENT_NAMES_FR } from '@sillon/contracts';
import { isValidSiret } from '@sillon/util';

// A cell as a file gives it: text from a CSV; text, number, date or boolean from a workbook.
export type Cell = string | number | boolean | Date | null;

// Without case, accents or punctuation: « Date prévue » and "DATE_PREVUE" read the same.
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

// A cell as a person reads it: trimmed text, dates as dd/mm/yyyy.
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : `${pad(cell.getUTCDate())}/${pad(cell.getUTCMonth() + 1)}/${cell.getUTCFullYear()}`;
  return String(cell).trim();
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2200 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

// Days between Excel's day 0 (30/12/1899, its 1900 system) and the Unix epoch.
const EXCEL_EPOCH_OFFSET = 25569;

// 27/11/2026, 27-11-2026, 27.11.2026, 2026-11-27, a workbook's date or its serial number → 2026-11-27; null if not a date.
export function parseDateCell(cell: Cell): string | null {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? null : isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 109_574) return null;
    const date = new Date((cell - EXCEL_EPOCH_OFFSET) * 86_400_000);
    return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const text = cellText(cell);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (french) return isoDate(Number(french[3]), Number(french[2]), Number(french[1]));
  // ISO, with a time of day that a tool may have added (2026-11-27T00:00:00).
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

// A value of a list, by its code or its French label, without case or accents: « idéation », "Ideation", "ideation".
export function parseChoice<T extends string>(cell: Cell, codes: readonly T[], labels: Readonly<Record<T, string>>): T | null {
  const wanted = normaliseText(cellText(cell));
  if (!wanted) return null;
  return codes.find((code) => normaliseText(code) === wanted || normaliseText(labels[code]) === wanted) ?? null;
}

const DEPARTMENTS = DEPARTMENT_NAMES_FR as Record<string, string>;
const DEPARTMENT_BY_NAME = new Map(Object.entries(DEPARTMENTS).map(([code, name]) => [normaliseText(name), code]));

// One département: its INSEE code (59, 2a, 974; a workbook's 9 is 09), "Nord (59)" or its name.
export function parseDepartment(text: string): string | null {
  const value = text.trim();
  const inParentheses = /\(([0-9]{1,3}|2[abAB])\)\s*$/.exec(value);
  const code = (inParentheses ? inParentheses[1] : value).toUpperCase();
  const padded = /^\d$/.test(code) ? `0${code}` : code;
  if (DEPARTMENTS[padded] !== undefined) return padded;
  return DEPARTMENT_BY_NAME.get(normaliseText(value)) ?? null;
}

// Several values in one cell: "59, 62", "Nord; Pas-de-Calais", one per line.
export function splitList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[,;|\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

// A count: 12, "1 200", "12,0"; null when not a whole number ≥ 0.
export function parseCount(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 && cell <= 2_147_483_647 ? cell : null;
  const compact = cellText(cell).replace(/[\s\u00a0\u202f]/g, '').replace(/[,.]0+$/, '');
  return /^\d{1,9}$/.test(compact) ? Number(compact) : null;
}

// A SIRET as a person writes it ("732 829 320 00074", or a workbook's number) → 14 digits, or null
// when it is not one with a valid Luhn key.
export function parseSiret(cell: Cell): string | null {
  const digits = (typeof cell === 'number' ? String(cell) : cellText(cell)).replace(/[\s\u00a0\u202f.-]/g, '');
  return /^\d{14}$/.test(digits) && isValidSiret(digits) ? digits : null;
}
