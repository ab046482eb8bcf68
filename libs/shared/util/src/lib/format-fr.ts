const dateFormatter = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' });
const euroFormatter = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

// 2026-11-27 (or a Date) → 27/11/2026
export function formatDateFr(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return dateFormatter.format(date);
}

// 1250000 cents → 12 500 € (French grouping uses a narrow no-break space)
export function formatEuroCents(cents: number): string {
  return euroFormatter.format(cents / 100);
}
