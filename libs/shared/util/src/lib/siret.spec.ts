import { isValidSiret, siretCheckDigit } from './siret';

describe('isValidSiret', () => {
  it.each([
    // INSEE's own establishment and a well-known Paris one.
    '73282932000074',
    '11000201100044',
  ])('accepts the valid SIRET %s', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '73282932000075'],
    ['13 digits', '7328293200007'],
    ['15 digits', '732829320000740'],
    ['letters', '7328293200007A'],
    ['spaces', '732 829 320 00074'],
    ['nothing', ''],
  ])('refuses %s', (_why, siret) => {
    expect(isValidSiret(siret)).toBe(false);
  });

  it("accepts La Poste's establishments by their digit sum", () => {
    expect(isValidSiret('35600000049837')).toBe(true);
    expect(isValidSiret('35600000049838')).toBe(false);
  });
});

describe('siretCheckDigit', () => {
  it('completes 13 digits into a valid SIRET', () => {
    for (const first13 of ['7328293200007', '1234567890123', '0000000000000', '4410000000001']) {
      const siret = first13 + siretCheckDigit(first13);
      expect(isValidSiret(siret)).toBe(true);
      expect(isValidSiret(first13 + String((Number(siretCheckDigit(first13)) + 1) % 10))).toBe(false);
    }
  });
});
