import { todayInParis } from './paris-date';

describe('todayInParis', () => {
  it('is the calendar day in Paris, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(todayInParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInParis(new Date('2026-06-15T10:00:00Z'))).toBe('2026-06-15');
  });
});
