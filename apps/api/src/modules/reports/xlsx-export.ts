import ExcelJS from 'exceljs';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drained, yieldToEventLoop } from './export-stream';
import { CellType, CellValue, ExportTable } from './report-tables';
import { neutraliseFormula } from './spreadsheet-safety';

// Shown as 12 500,00 € by a French Excel (the format code itself is locale-neutral).
export const EURO_FORMAT = '#,##0.00 "€"';
const DATE_FORMAT = 'dd/mm/yyyy';
const FORMATS: Partial<Record<CellType, string>> = { cents: EURO_FORMAT, date: DATE_FORMAT, int: '0', decimal: '0.0' };

function typed(type: CellType, value: CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'text':
      return neutraliseFormula(String(value));
    case 'date':
      // Calendar dates carry no time zone: midnight UTC is the date itself for Excel.
      return new Date(`${value}T00:00:00Z`);
    case 'cents':
      return Number(value) / 100;
    default:
      return Number(value);
  }
}

const XLSX_BUFFER_BYTES = 4 * 1024 * 1024;

// Sheet names: 31 characters at most, none of : \ / ? * [ ].
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

// The number format is set on the column, which every new cell inherits: setting it cell by cell
// made a 100,000-row export about 40 % slower.
function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  title: string,
  columns: { header: string; width: number; type?: CellType }[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => {
    const numFmt = c.type && FORMATS[c.type];
    return { key: `c${i}`, width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  return sheet;
}

// exceljs finds a cell's style id from its style object and remembers it per object, but gives every
// new cell (and row) a style object of its own: each was rendered to XML and looked up again, half of
// a 100,000-row export's time (measured with --cpu-prof). The rows of a table share one style object
// per column, and one for the rows; nothing changes them after.
interface SharedStyles {
  row: Partial<ExcelJS.Style>;
  cells: Partial<ExcelJS.Style>[];
}

function sharedStyles(types: (CellType | undefined)[]): SharedStyles {
  return {
    row: {},
    cells: types.map((type) => {
      const numFmt = type && FORMATS[type];
      return numFmt ? { numFmt } : {};
    }),
  };
}

function addTableRow(sheet: ExcelJS.Worksheet, values: ExcelJS.CellValue[], styles: SharedStyles): void {
  // Row#style exists at run time (doc/row.js) but not in exceljs's typings.
  const row = sheet.addRow(values) as ExcelJS.Row & { style: Partial<ExcelJS.Style> };
  row.style = styles.row;
  // Empty cells are not written at all.
  row.eachCell((cell, column) => {
    cell.style = styles.cells[column - 1];
  });
  row.commit();
}

// Values of different types in one column: formatted cell by cell (a few rows only).
function addSummaryRow(sheet: ExcelJS.Worksheet, cells: { type: CellType; value: CellValue }[]): void {
  const row = sheet.addRow(cells.map((c) => typed(c.type, c.value)));
  cells.forEach((c, i) => {
    const format = FORMATS[c.type];
    if (format) row.getCell(i + 1).numFmt = format;
  });
  row.commit();
}

// A summary sheet, then one sheet per table. Streamed: every row is committed (written out and
// forgotten) as soon as it is added, and each page waits until the response has room for more.
export async function writeXlsx(
  summary: { label: string; type: CellType; value: CellValue }[],
  tables: ExportTable[],
  out: Writable,
): Promise<void> {
  // Room for a few MB of the compressed workbook between exceljs and the response. With only the
  // response's own 16 kB, each page of rows waited until the previous one was compressed and sent,
  // and the API's thread sat idle meanwhile (a fifth of a 100,000-row export's time, measured). A
  // client that reads slowly still holds the export back once this is full: memory stays bounded.
  const buffered = new PassThrough({ highWaterMark: XLSX_BUFFER_BYTES });
  // Settles when the response is sent, or closed early (the client went away): the page loop below
  // then stops on its own, since `drained` rejects once `buffered` is closed.
  const sent = pipeline(buffered, out).then(
    () => null,
    (error: Error) => error,
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: buffered, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Sillon';
  workbook.created = new Date();
  const sheet = addSheet(workbook, 'Synthèse', [
    { header: 'Indicateur', width: 34 },
    { header: 'Valeur', width: 48 },
  ]);
  for (const line of summary) addSummaryRow(sheet, [{ type: 'text', value: line.label }, line]);
  sheet.commit();
  for (const table of tables) {
    const ws = addSheet(workbook, table.title, table.columns);
    const styles = sharedStyles(table.columns.map((c) => c.type));
    for await (const page of table.pages()) {
      for (const row of page) addTableRow(ws, table.columns.map((c) => typed(c.type, c.value(row))), styles);
      await drained(buffered);
      await yieldToEventLoop();
    }
    ws.commit();
  }
  await workbook.commit();
  const error = await sent;
  if (error) throw error;
}
