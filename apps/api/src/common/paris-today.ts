const PARIS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

// Today's date in France (YYYY-MM-DD): a milestone due today is not late before midnight in Paris.
export function parisToday(now: Date = new Date()): string {
  return PARIS_DATE.format(now);
}
