import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Cell, cellText } from './import-values';

export interface SpreadsheetRow {
  // The row number the spreadsheet shows: the header is row 1.
  line: number;
  cells: Cell[];
}

export interface Spreadsheet {
  columns: string[];
  rows: SpreadsheetRow[];
}

// A file that cannot be read as a table: the message says why, in French.
export class UnreadableFileError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isXlsx(buffer: Buffer, fileName: string): boolean {
  return ZIP_MAGIC.every((byte, i) => buffer[i] === byte) || /\.xlsx$/i.test(fileName);
}

// UTF-8 (with or without its BOM) when the bytes are valid UTF-8; otherwise Windows-1252, what Excel
// on Windows writes as "CSV (séparateur : point-virgule)".
export function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    // Node 20's TextDecoder reads 'windows-1252' as ISO-8859-1, which loses €, œ, ’ and the French
    // quotes: iconv-lite has the real table.
    return iconv.decode(buffer, 'windows-1252');
  }
}

// French spreadsheets write ';' (the comma is the decimal mark); others ','. Counted outside quotes
// on the header line.
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : commas > 0 ? ',' : ';';
}

function table(records: Cell[][], lineOf: (index: number) => number): Spreadsheet {
  const [header, ...body] = records;
  if (!header || header.every((cell) => cellText(cell) === '')) {
    throw new UnreadableFileError("Le fichier est vide : sa première ligne doit porter les noms des colonnes.");
  }
  const columns = header.map((cell, i) => cellText(cell) || `Colonne ${i + 1}`);
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) throw new UnreadableFileError(`La colonne « ${column} » figure deux fois dans la première ligne.`);
    seen.add(column);
  }
  const rows = body
    .map((cells, i) => ({ line: lineOf(i + 1), cells: columns.map((_, c) => cells[c] ?? null) }))
    // An empty row (a spreadsheet's trailing ones) is no row.
    .filter((row) => row.cells.some((cell) => cellText(cell) !== ''));
  return { columns, rows };
}

export function readCsv(buffer: Buffer): Spreadsheet {
  const text = decodeCsv(buffer).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UnreadableFileError(`Le fichier CSV ne peut pas être lu${line ? ` (ligne ${line})` : ''} : vérifiez ses guillemets.`);
  }
  // A spreadsheet saved as CSV gives one record per row: row n is record n - 1.
  return table(records, (index) => index + 1);
}

// A workbook cell's value as the sheet shows it: formulas by their result, rich text as text.
function workbookCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return workbookCell(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return null;
}

export async function readXlsx(buffer: Buffer): Promise<Spreadsheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError("Le classeur ne peut pas être lu : enregistrez-le au format Excel (.xlsx) ou CSV.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('Le classeur ne contient aucune feuille.');
  // Rows by their number in the sheet, so that a report names the row Excel shows.
  const byNumber = new Map<number, Cell[]>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = workbookCell(cell.value);
    });
    byNumber.set(row.number, Array.from(cells, (cell) => cell ?? null));
  });
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  if (!numbers.length) throw new UnreadableFileError("La première feuille du classeur est vide.");
  const records = numbers.map((n) => byNumber.get(n) as Cell[]);
  return table(records, (index) => numbers[index]);
}

export async function readSpreadsheet(buffer: Buffer, fileName: string): Promise<Spreadsheet> {
  return isXlsx(buffer, fileName) ? readXlsx(buffer) : readCsv(buffer);
}
