import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../platform/seed/random.ts';
import { personalNumberPatterns } from '../../../platform/pii/scrub.ts';
import { validateUscc } from '../../../platform/validation/uscc.ts';
import { drawCreditCode } from './demo-merchant-codes.ts';
import { drawOperator } from './demo-merchant-people.ts';
import { apportion } from './demo-merchant-draws.ts';

describe('demo credit codes', () => {
  it('pass the GB 32100 check and the embedded GB 11714 check, for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.boolean(), (seed, enterprise) => {
        const taken = new Set<string>();
        const code = drawCreditCode(enterprise ? 'enterprise' : 'individual', '430225', new SeededRandom(seed), taken);
        expect(validateUscc(code)).toEqual({ ok: true, value: code });
        expect(code.slice(0, 8)).toBe(enterprise ? '91430225' : '92430225');
        expect(taken.has(code)).toBe(true);
      }),
    );
  });

  it('never repeat one already taken, and never look like an ID number', () => {
    const rng = new SeededRandom(1);
    const taken = new Set<string>();
    const codes = Array.from({ length: 5_000 }, () => drawCreditCode('individual', '430225', rng, taken));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((code) => personalNumberPatterns.id_card.test(code))).toEqual([]);
  });
});

describe('demo operators', () => {
  it('have phones a registration accepts, none twice', () => {
    const rng = new SeededRandom(2);
    const taken = new Set<string>();
    const phones = Array.from({ length: 3_000 }, () => drawOperator(rng, taken).phone).filter((p) => p !== null);
    expect(phones.length).toBeGreaterThan(2_900);
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.filter((p) => !/^1[3-9]\d{9}$/.test(p) && !/^0731-[2-9]\d{7}$/.test(p))).toEqual([]);
  });
});

describe('apportion', () => {
  it('splits a total exactly, in proportion to the weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000 }),
        fc.array(fc.double({ min: 0.1, max: 60, noNaN: true }), { minLength: 1, maxLength: 15 }),
        (total, weights) => {
          const counts = apportion(total, weights);
          expect(counts.reduce((s, c) => s + c, 0)).toBe(total);
          const sum = weights.reduce((s, w) => s + w, 0);
          counts.forEach((count, i) => {
            expect(Math.abs(count - (total * weights[i]!) / sum)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
