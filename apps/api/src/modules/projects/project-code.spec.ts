import { formatProjectCode, parisYear } from './project-code';

describe('project codes', () => {
  it('pads the counter to three digits and keeps longer ones', () => {
    expect(formatProjectCode('LIL', 2026, 14)).toBe('LIL-2026-014');
    expect(formatProjectCode('AMI', 2025, 1234)).toBe('AMI-2025-1234');
  });

  it('counts years in Paris time: New Year in Paris comes before UTC', () => {
    expect(parisYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(parisYear(new Date('2026-12-31T22:30:00Z'))).toBe(2026);
  });
});
