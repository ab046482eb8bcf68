// A text cell that a spreadsheet could read as a formula (=HYPERLINK(…), @SUM(…), +1, -1, or one
// hidden behind a tab or carriage return) gets a leading apostrophe, as OWASP advises for CSV injection.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
