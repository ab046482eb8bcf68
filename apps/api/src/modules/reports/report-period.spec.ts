import { RequestValidationException } from '../../common/validation-errors';
import { resolvePeriod } from './report-period';

describe('resolvePeriod', () => {
  it('defaults to the calendar year up to today, as of today', () => {
    expect(resolvePeriod({}, '2026-11-27')).toEqual({ from: '2026-01-01', to: '2026-11-27', asOf: '2026-11-27' });
  });

  it('starts on 1 January of the year the period ends in', () => {
    expect(resolvePeriod({ to: '2025-12-31' }, '2026-11-27')).toEqual({ from: '2025-01-01', to: '2025-12-31', asOf: '2026-11-27' });
  });

  it('keeps what is given', () => {
    expect(resolvePeriod({ from: '2025-03-01', to: '2025-06-30', asOf: '2025-12-31' }, '2026-11-27')).toEqual({
      from: '2025-03-01',
      to: '2025-06-30',
      asOf: '2025-12-31',
    });
  });

  it('refuses a period that ends before it starts, naming both fields', () => {
    try {
      resolvePeriod({ from: '2026-05-01', to: '2026-04-30' }, '2026-11-27');
      throw new Error('no exception');
    } catch (error) {
      expect(error).toBeInstanceOf(RequestValidationException);
      expect((error as RequestValidationException).fieldErrors.map((e) => e.field)).toEqual(['from', 'to']);
    }
  });
});
