import { describe, expect, it } from 'vitest';
import { newIdempotencyKey, submissionKeys } from './submissionKey.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('idempotency keys', () => {
  it('are random UUIDs the server accepts', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(uuid);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('are still UUIDs where randomUUID is missing (plain-HTTP intranet pages)', () => {
    // Shadows the prototype's method on this instance; deleting the own property brings it back.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(typeof crypto.randomUUID).toBe('undefined');
      expect(newIdempotencyKey()).toMatch(uuid);
    } finally {
      Reflect.deleteProperty(crypto, 'randomUUID');
    }
  });

  it('stay the same for the same body (a retry) and change with the body (a corrected report)', () => {
    let n = 0;
    const keys = submissionKeys(() => `key-${++n}`);
    const body = { categoryCode: '06010', photos: [{ data: 'AAAA' }] };
    expect(keys.keyFor(body)).toBe('key-1');
    expect(keys.keyFor({ ...body })).toBe('key-1');
    expect(keys.keyFor({ ...body, categoryCode: '06011' })).toBe('key-2');
    expect(keys.keyFor(body)).toBe('key-3');
  });
});
