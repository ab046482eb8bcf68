import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
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

function addRow(sheet: ExcelJS.Worksheet, cells: { type: CellType; value: CellValue }[], formatCells: boolean): void {
  const row = sheet.addRow(cells.map((c) => typed(c.type, c.value)));
  if (formatCells) {
    cells.forEach((c, i) => {
      const format = FORMATS[c.type];
      if (format) row.getCell(i + 1).numFmt = format;
    });
  }
  row.commit();
}

// A summary sheet, then one sheet per table. Streamed: every row is committed (written out and
// forgotten) as soon as it is added, and each page waits until the response has room for more.
export async function writeXlsx(
  summary: { label: string; type: CellType; value: CellValue }[],
  tables: ExportTable[],
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Sillon';
  workbook.created = new Date();
  const sheet = addSheet(workbook, 'Synthèse', [
    { header: 'Indicateur', width: 34 },
    { header: 'Valeur', width: 48 },
  ]);
  // Values of different types in one column: formatted cell by cell.
  for (const line of summary) addRow(sheet, [{ type: 'text', value: line.label }, line], true);
  sheet.commit();
  for (const table of tables) {
    const ws = addSheet(workbook, table.title, table.columns);
    for await (const page of table.pages()) {
      for (const row of page) addRow(ws, table.columns.map((c) => ({ type: c.type, value: c.value(row) })), false);
      await drained(out);
      await yieldToEventLoop();
    }
    ws.commit();
  }
  await workbook.commit();
}
