import { SubmissionKeys, newIdempotencyKey } from './idempotency-key';

describe('idempotency keys', () => {
  it('makes a UUID v4', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it('reuses the key for a retry of the same content, not after success or a change', () => {
    let n = 0;
    const keys = new SubmissionKeys(() => `k${++n}`);
    expect(keys.keyFor({ title: 'Atelier' })).toBe('k1');
    expect(keys.keyFor({ title: 'Atelier' })).toBe('k1');
    expect(keys.keyFor({ title: 'Atelier 2' })).toBe('k2');
    keys.done();
    expect(keys.keyFor({ title: 'Atelier 2' })).toBe('k3');
  });
});
