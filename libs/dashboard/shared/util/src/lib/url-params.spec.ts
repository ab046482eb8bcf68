import { firstParam, isCalendarDate, positiveParam, UUID_PATTERN } from './url-params';

describe('URL parameters', () => {
  it('takes the first of repeated values', () => {
    expect(firstParam({ a: ['1', '2'] }, 'a')).toBe('1');
    expect(firstParam({ a: '3' }, 'a')).toBe('3');
    expect(firstParam({}, 'a')).toBeUndefined();
  });

  it('accepts a page number from 1 to the maximum only', () => {
    expect(positiveParam('2', 10)).toBe(2);
    expect(positiveParam('0', 10)).toBeUndefined();
    expect(positiveParam('11', 10)).toBeUndefined();
    expect(positiveParam('2.5', 10)).toBeUndefined();
    expect(positiveParam('-1', 10)).toBeUndefined();
  });

  it('accepts only days that exist', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('28/02/2026')).toBe(false);
    expect(isCalendarDate(undefined)).toBe(false);
  });

  it('recognises a UUID', () => {
    expect(UUID_PATTERN.test('6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f')).toBe(true);
    expect(UUID_PATTERN.test('not-a-uuid')).toBe(false);
  });
});
