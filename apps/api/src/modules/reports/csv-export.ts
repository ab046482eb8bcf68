import archiver from 'archiver';
import { stringify } from 'csv-stringify';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvSeparator } from '@sillon/contracts';
import { writeChunk, yieldToEventLoop } from './export-stream';
import { CellType, CellValue, ExportTable } from './report-tables';
import { neutraliseFormula } from './spreadsheet-safety';

// Numbers follow the separator: with ';' (French Excel) the decimal mark is ',', with ',' it is '.'.
export function csvCell(type: CellType, value: CellValue, separator: CsvSeparator): string {
  if (value === null || value === undefined) return '';
  const mark = separator === 'semicolon' ? ',' : '.';
  switch (type) {
    case 'text':
      return neutraliseFormula(String(value));
    case 'int':
    case 'date':
      return String(value);
    case 'decimal':
      return String(value).replace('.', mark);
    case 'cents': {
      // Integer arithmetic on cents: no float rounding in an amount.
      const cents = Number(value);
      const sign = cents < 0 ? '-' : '';
      const abs = Math.abs(cents);
      return `${sign}${Math.trunc(abs / 100)}${mark}${String(abs % 100).padStart(2, '0')}`;
    }
  }
}

const csvStream = (separator: CsvSeparator) =>
  // RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM so that Excel reads the accents.
  stringify({ bom: true, delimiter: separator === 'semicolon' ? ';' : ',', record_delimiter: 'windows' });

async function writeRows(table: ExportTable, separator: CsvSeparator, csv: Writable): Promise<void> {
  await writeChunk(csv, table.columns.map((c) => c.header));
  for await (const page of table.pages()) {
    for (const row of page) await writeChunk(csv, table.columns.map((c) => csvCell(c.type, c.value(row), separator)));
    await yieldToEventLoop();
  }
  csv.end();
}

export async function writeCsvTable(table: ExportTable, separator: CsvSeparator, out: Writable): Promise<void> {
  const csv = csvStream(separator);
  const piped = pipeline(csv, out);
  // Handled below; marked now so that a client leaving mid-download is not an unhandled rejection.
  piped.catch(() => undefined);
  await writeRows(table, separator, csv);
  await piped;
}

// One CSV per table in a zip, each streamed in turn into the archive.
export async function writeCsvZip(tables: ExportTable[], separator: CsvSeparator, prefix: string, out: Writable): Promise<void> {
  const archive = archiver('zip', { zlib: { level: 6 } });
  const piped = pipeline(archive, out);
  piped.catch(() => undefined);
  for (const table of tables) {
    const csv = csvStream(separator);
    archive.append(csv, { name: `${prefix}-${table.slug}.csv` });
    await writeRows(table, separator, csv);
  }
  await archive.finalize();
  await piped;
}
