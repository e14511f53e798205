import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32, codeLength, groupedCode, newVerificationCode, parseVerificationCode } from './verification-code.ts';

describe('verification codes', () => {
  it('encode base32 as RFC 4648 §10 does (lower case, no padding)', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'my'],
      ['fo', 'mzxq'],
      ['foo', 'mzxw6'],
      ['foob', 'mzxw6yq'],
      ['fooba', 'mzxw6ytb'],
      ['foobar', 'mzxw6ytboi'],
    ];
    for (const [input, output] of vectors) expect(base32(Buffer.from(input))).toBe(output);
  });

  it('carry 160 bits: 32 characters of the base32 alphabet, different each time', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newVerificationCode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{32}$/);
    expect(codeLength * 5).toBe(160);
  });

  it('read back from any printed or typed form: grouped, upper case, spaced', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const code = newVerificationCode(() => bytes);
        expect(code).toHaveLength(32);
        expect(parseVerificationCode(code)).toBe(code);
        expect(parseVerificationCode(groupedCode(code))).toBe(code);
        expect(parseVerificationCode(groupedCode(code).toUpperCase().replace(/-/g, ' '))).toBe(code);
      }),
    );
  });

  it('is a different code for different bytes (no two random draws share a code)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        (a, b) => {
          fc.pre(Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0);
          expect(base32(a)).not.toBe(base32(b));
        },
      ),
    );
  });

  it('refuses anything else: wrong length, letters outside the alphabet, paths, very long input', () => {
    for (const bad of [
      '',
      'abc',
      `${'a'.repeat(31)}1`,
      `${'a'.repeat(33)}`,
      `${'a'.repeat(31)}0`,
      '../../etc/passwd',
    ]) {
      expect(parseVerificationCode(bad)).toBeNull();
    }
    expect(parseVerificationCode('a'.repeat(5000))).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const parsed = parseVerificationCode(text);
        if (parsed !== null) expect(parsed).toMatch(/^[a-z2-7]{32}$/);
      }),
      { numRuns: 2000 },
    );
  });
});
