// Built on first use: creating an Intl formatter with a time zone costs tens of milliseconds (ICU data),
// which a page that never formats that kind of value should not pay while it loads.
let dateFormatter: Intl.DateTimeFormat | undefined;
let euroFormatter: Intl.NumberFormat | undefined;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// 2026-11-27 (or a Date, or an instant, read in Paris) → 27/11/2026
export function formatDateFr(value: string | Date): string {
  // A calendar date is the same day everywhere: rearranged, no formatter needed.
  const day = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  dateFormatter ??= new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Paris' });
  return dateFormatter.format(typeof value === 'string' ? new Date(value) : value);
}

// 1250000 cents → 12 500 € (French grouping uses a narrow no-break space)
export function formatEuroCents(cents: number): string {
  euroFormatter ??= new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  return euroFormatter.format(cents / 100);
}

// What a person types as an amount in euros → integer cents: "12 500", "12500,50", "1 200,5 €".
// Null when it is not an amount with at most two decimals.
export function parseEuroAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(\d{1,13})(?:[,.](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

// Integer cents → the amount as a person would type it back: 1250050 → "12500,50", 1250000 → "12500".
export function euroAmountInput(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest ? `${euros},${String(rest).padStart(2, '0')}` : String(euros);
}
