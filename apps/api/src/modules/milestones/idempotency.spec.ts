import { RequestValidationException } from '../../common/validation-errors';
import { parseIdempotencyKey, requestHash } from './idempotency';

describe('requestHash', () => {
  it('ignores the order of keys and absent fields', () => {
    expect(requestHash('/r', { a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestHash('/r', { b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }));
  });

  it('differs when a value, an array order or the route differs', () => {
    const base = requestHash('/r', { a: 1, l: [1, 2] });
    expect(requestHash('/r', { a: 2, l: [1, 2] })).not.toBe(base);
    expect(requestHash('/r', { a: 1, l: [2, 1] })).not.toBe(base);
    expect(requestHash('/s', { a: 1, l: [1, 2] })).not.toBe(base);
  });
});

describe('parseIdempotencyKey', () => {
  it('accepts a UUID and no header', () => {
    expect(parseIdempotencyKey('0b8a1c9e-3f7d-4d5e-9a61-2c4b8e1f0a77')).toBe('0b8a1c9e-3f7d-4d5e-9a61-2c4b8e1f0a77');
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([[''], ['a b'], ['x'.repeat(201)], ['clé']])('refuses %j naming the header', (key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(RequestValidationException);
  });
});
