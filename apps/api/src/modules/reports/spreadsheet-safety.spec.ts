import { neutraliseFormula } from './spreadsheet-safety';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['@SUM(1+1)', `'@SUM(1+1)`],
    ['+1', `'+1`],
    ['-1', `'-1`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('prefixes %j', (payload, expected) => {
    expect(neutraliseFormula(payload)).toBe(expected);
  });

  it.each(['Tiers-lieu numérique', 'A=B', 'SIL-2026-014', '', "L'épicerie"])('leaves %j alone', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});
