// Today in Paris as YYYY-MM-DD: the date a person in a French lab means by "today".
export function todayInParis(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}
