import { RequestValidationException } from '../../common/validation-errors';

export interface ReportPeriod {
  from: string;
  to: string;
  asOf: string;
}

// Defaults of the period (1 January of the year of `to` → today) and of `asOf` (today, in Paris).
// A period ending before it starts is a 400 naming both fields.
export function resolvePeriod(query: { from?: string; to?: string; asOf?: string }, today: string): ReportPeriod {
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) {
    const message = 'La période doit commencer avant sa fin.';
    throw new RequestValidationException([
      { field: 'from', code: 'periodOrder', message },
      { field: 'to', code: 'periodOrder', message },
    ]);
  }
  return { from, to, asOf: query.asOf ?? today };
}
