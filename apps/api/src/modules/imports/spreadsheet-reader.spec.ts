import ExcelJS from 'exceljs';
import { decodeCsv, detectDelimiter, readCsv, readXlsx, readSpreadsheet, UnreadableFileError } from './spreadsheet-reader';

describe('spreadsheet reader', () => {
  it('reads UTF-8 with or without its BOM, and falls back to Windows-1252', () => {
    expect(decodeCsv(Buffer.from('\uFEFFÉtape;Nom\n', 'utf8')).replace(/^\uFEFF/, '')).toBe('Étape;Nom\n');
    expect(decodeCsv(Buffer.from('Étape;Nom\n', 'utf8'))).toBe('Étape;Nom\n');
    // "Étape" as Excel on Windows writes it: É is 0xC9, invalid alone in UTF-8.
    expect(decodeCsv(Buffer.from([0xc9, 0x74, 0x61, 0x70, 0x65, 0x3b, 0x80, 0x9c, 0x92]))).toBe('Étape;€œ’');
  });

  it('detects the delimiter outside quotes', () => {
    expect(detectDelimiter('Nom;Étape;Date\n')).toBe(';');
    expect(detectDelimiter('Nom,Étape,Date\n')).toBe(',');
    expect(detectDelimiter('"Nom; long",Étape,Date\n')).toBe(',');
    expect(detectDelimiter('Nom\n')).toBe(';');
  });

  it('gives each row the number a spreadsheet shows, skipping empty rows', () => {
    const sheet = readCsv(Buffer.from('\uFEFFNom du projet;Étape\r\nAtelier;Idéation\r\n;\r\n"Fab; lab";Incubation\r\n', 'utf8'));
    expect(sheet.columns).toEqual(['Nom du projet', 'Étape']);
    expect(sheet.rows).toEqual([
      { line: 2, cells: ['Atelier', 'Idéation'] },
      { line: 4, cells: ['Fab; lab', 'Incubation'] },
    ]);
  });

  it('reads the first sheet of a workbook with its dates, numbers and row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Projets');
    sheet.addRow(['Nom du projet', 'Date de début', 'Département']);
    sheet.addRow(['Tiers-lieu', new Date(Date.UTC(2026, 10, 27)), 59]);
    sheet.getCell('A4').value = { richText: [{ text: 'Épicerie ' }, { text: 'solidaire' }] };
    workbook.addWorksheet('Autre').addRow(['ignorée']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await readSpreadsheet(buffer, 'suivi.xlsx');
    expect(read.columns).toEqual(['Nom du projet', 'Date de début', 'Département']);
    expect(read.rows[0]).toEqual({ line: 2, cells: ['Tiers-lieu', new Date(Date.UTC(2026, 10, 27)), 59] });
    expect(read.rows[1]).toEqual({ line: 4, cells: ['Épicerie solidaire', null, null] });
  });

  it('refuses a file that is not a table, in French', async () => {
    await expect(readXlsx(Buffer.from('PK\u0003\u0004 pas un classeur'))).rejects.toThrow(UnreadableFileError);
    expect(() => readCsv(Buffer.from(''))).toThrow('Le fichier est vide');
    expect(() => readCsv(Buffer.from('Nom;Nom\nA;B\n'))).toThrow('La colonne « Nom » figure deux fois');
  });
});
