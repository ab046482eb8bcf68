import { cellText, normaliseText, parseChoice, parseCount, parseDateCell, parseDepartment, parseSiret, splitList } from './import-values';
import { STAGE_LABELS_FR, STAGES } from '@sillon/contracts';

describe('import values', () => {
  it('reads French, ISO and workbook dates, and refuses days that do not exist', () => {
    expect(parseDateCell('27/11/2026')).toBe('2026-11-27');
    expect(parseDateCell('7/3/2026')).toBe('2026-03-07');
    expect(parseDateCell('27.11.2026')).toBe('2026-11-27');
    expect(parseDateCell('2026-11-27')).toBe('2026-11-27');
    expect(parseDateCell('2026-11-27T00:00:00')).toBe('2026-11-27');
    expect(parseDateCell(new Date(Date.UTC(2026, 10, 27)))).toBe('2026-11-27');
    // Excel's serial number of 27/11/2026.
    expect(parseDateCell(46353)).toBe('2026-11-27');
    expect(parseDateCell('31/02/2026')).toBeNull();
    expect(parseDateCell('11/27/2026')).toBeNull();
    expect(parseDateCell('demain')).toBeNull();
    expect(parseDateCell(12.5)).toBeNull();
  });

  it('matches a list value by code or French label, without case or accents', () => {
    expect(parseChoice('Idéation', STAGES, STAGE_LABELS_FR)).toBe('ideation');
    expect(parseChoice('IDEATION', STAGES, STAGE_LABELS_FR)).toBe('ideation');
    expect(parseChoice('changement d’echelle', STAGES, STAGE_LABELS_FR)).toBe('scale_up');
    expect(parseChoice('scale_up', STAGES, STAGE_LABELS_FR)).toBe('scale_up');
    expect(parseChoice('Prototype', STAGES, STAGE_LABELS_FR)).toBeNull();
  });

  it('reads départements by code, "Nom (code)" or name', () => {
    expect(parseDepartment('59')).toBe('59');
    expect(parseDepartment('2a')).toBe('2A');
    expect(parseDepartment('9')).toBe('09');
    expect(parseDepartment('974')).toBe('974');
    expect(parseDepartment('Nord (59)')).toBe('59');
    expect(parseDepartment('pas-de-calais')).toBe('62');
    expect(parseDepartment('99')).toBeNull();
    expect(splitList('59, 62; Somme')).toEqual(['59', '62', 'Somme']);
  });

  it('reads counts and SIRETs as people write them', () => {
    expect(parseCount('1 200')).toBe(1200);
    expect(parseCount('12,0')).toBe(12);
    expect(parseCount(15)).toBe(15);
    expect(parseCount('-3')).toBeNull();
    expect(parseCount('douze')).toBeNull();
    expect(parseSiret('732 829 320 00074')).toBe('73282932000074');
    expect(parseSiret(73282932000074)).toBe('73282932000074');
    expect(parseSiret('73282932000075')).toBeNull();
  });

  it('normalises headers and cells for comparison', () => {
    expect(normaliseText('  Date prévue ')).toBe('date prevue');
    expect(normaliseText('NOM_DU_PROJET')).toBe('nom du projet');
    expect(cellText(new Date(Date.UTC(2026, 0, 5)))).toBe('05/01/2026');
    expect(cellText(null)).toBe('');
  });
});
