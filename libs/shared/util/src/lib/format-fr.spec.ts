import { euroAmountInput, formatDateFr, formatEuroCents, parseEuroAmount } from './format-fr';

describe('French formats', () => {
  it('formats an ISO date as dd/mm/yyyy', () => {
    expect(formatDateFr('2026-11-27')).toBe('27/11/2026');
  });

  it('reads an instant or a Date on the Paris calendar', () => {
    expect(formatDateFr('2026-11-26T23:30:00Z')).toBe('27/11/2026');
    expect(formatDateFr(new Date('2026-06-30T22:30:00Z'))).toBe('01/07/2026');
  });

  it('formats euro cents with French grouping and no decimals', () => {
    expect(formatEuroCents(1250000).replace(/\s/g, ' ')).toBe('12 500 €');
  });

  it('reads an amount typed in euros as integer cents, and writes it back', () => {
    expect(parseEuroAmount('12 500')).toBe(1_250_000);
    expect(parseEuroAmount('12\u202f500,5 €')).toBe(1_250_050);
    expect(parseEuroAmount('0.07')).toBe(7);
    for (const wrong of ['', 'douze', '12,345', '-5', '1e3']) expect(parseEuroAmount(wrong)).toBeNull();
    expect(euroAmountInput(1_250_050)).toBe('12500,50');
    expect(euroAmountInput(1_250_000)).toBe('12500');
  });
});
