import { ERROR_CODES, problemType } from './error-code';

describe('error codes', () => {
  it('declares each code once, with one spelling of a stale version', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES.filter((code) => /stale/.test(code))).toEqual(['stale_version']);
  });

  it('names a problem by its code, or about:blank without one', () => {
    expect(problemType('stale_version')).toBe('urn:sillon:problem:stale_version');
    expect(problemType(undefined)).toBe('about:blank');
  });
});
