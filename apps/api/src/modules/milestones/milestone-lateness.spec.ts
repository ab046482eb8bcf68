import { isLate, parisToday } from './milestone-lateness';

describe('parisToday', () => {
  it('follows the Paris calendar, not UTC', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Paris (UTC+1 in winter).
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 22:30 UTC on 30 Jun is 00:30 on 1 Jul in Paris (UTC+2 in summer).
    expect(parisToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(parisToday(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });
});

describe('isLate', () => {
  const today = '2026-11-27';

  it('is late when planned and due before today', () => {
    expect(isLate({ status: 'planned', dueOn: '2026-11-26' }, today)).toBe(true);
  });

  it('is not late on the due date itself, nor later', () => {
    expect(isLate({ status: 'planned', dueOn: today }, today)).toBe(false);
    expect(isLate({ status: 'planned', dueOn: '2027-01-01' }, today)).toBe(false);
  });

  it('is never late once done or cancelled', () => {
    expect(isLate({ status: 'done', dueOn: '2020-01-01' }, today)).toBe(false);
    expect(isLate({ status: 'cancelled', dueOn: '2020-01-01' }, today)).toBe(false);
  });
});
