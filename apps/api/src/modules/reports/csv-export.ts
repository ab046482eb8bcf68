import archiver from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { PassThrough, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
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

// RFC 4180 (CRLF line ends, quotes doubled), UTF-8 with a BOM so that Excel reads the accents.
// A page of rows is formatted at once and written as one chunk, waiting for room in between:
// writing row by row into an object stream spent most of the time waiting for 'drain'.
async function writeRows(table: ExportTable, separator: CsvSeparator, out: Writable): Promise<void> {
  const options = { delimiter: separator === 'semicolon' ? ';' : ',', record_delimiter: 'windows' as const };
  await writeChunk(out, `\ufeff${stringify([table.columns.map((c) => c.header)], options)}`);
  for await (const page of table.pages()) {
    await writeChunk(out, stringify(page.map((row) => table.columns.map((c) => csvCell(c.type, c.value(row), separator))), options));
    await yieldToEventLoop();
  }
}

export async function writeCsvTable(table: ExportTable, separator: CsvSeparator, out: Writable): Promise<void> {
  await writeRows(table, separator, out);
  out.end();
  await finished(out);
}

// One CSV per table in a zip, each streamed in turn into the archive.
export async function writeCsvZip(tables: ExportTable[], separator: CsvSeparator, prefix: string, out: Writable): Promise<void> {
  const archive = archiver('zip', { zlib: { level: 6 } });
  const piped = pipeline(archive, out);
  // Handled below; marked now so that a client leaving mid-download is not an unhandled rejection.
  piped.catch(() => undefined);
  for (const table of tables) {
    const entry = new PassThrough();
    archive.append(entry, { name: `${prefix}-${table.slug}.csv` });
    await writeRows(table, separator, entry);
    entry.end();
  }
  await archive.finalize();
  await piped;
}
