// LIL-2026-014: the lab's code, the year of creation and a counter per lab and year (3 digits at least).
export function formatProjectCode(labCode: string, year: number, counter: number): string {
  return `${labCode}-${year}-${String(counter).padStart(3, '0')}`;
}

// Codes are numbered by the calendar year in France, whatever the server's time zone.
export function parisYear(at: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' }).format(at));
}
