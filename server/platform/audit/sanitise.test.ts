import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../testing/test-database.ts';
import { recordAuditOutside } from './audit.ts';
import { plainNotation, REDACTED, sanitiseDetails } from './sanitise.ts';

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
/** 1[3-9] + 9 digits: a mainland mobile (MIIT numbering plan). */
const mobile = fc.tuple(fc.constantFrom(...'3456789'), digits(9)).map(([second, rest]) => `1${second}${rest}`);
/** 17 digits + a digit or X: the shape of a resident ID number (GB 11643). */
const idNumber = fc.tuple(digits(17), fc.constantFrom(...'0123456789Xx')).map(([body, check]) => body + check);
const secret = fc.oneof(mobile, idNumber);

/** Text around the secret: anything, including more digits, CJK and separators. */
const surrounding = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  digits(3),
  fc.constant(''),
);
const plain = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));

/** A details object with the secret somewhere inside: a value, a key, an array item, deep or shallow. */
function detailsHiding(hidden: string): fc.Arbitrary<Record<string, unknown>> {
  const carrier = fc.tuple(surrounding, surrounding).map(([before, after]) => `${before}${hidden}${after}`);
  const { tree } = fc.letrec<{ tree: unknown; holder: unknown }>((tie) => ({
    holder: fc.oneof(
      { depthSize: 'small' },
      carrier,
      fc.tuple(fc.array(plain, { maxLength: 3 }), tie('tree'), fc.nat(3)).map(([items, inner, at]) => {
        const copy: unknown[] = [...items];
        copy.splice(at % (items.length + 1), 0, inner);
        return copy;
      }),
      fc
        .tuple(
          fc.dictionary(fc.string({ maxLength: 5 }), plain, { maxKeys: 3 }),
          fc.string({ maxLength: 5 }),
          tie('tree'),
        )
        .map(([siblings, key, inner]) => ({ ...siblings, [`k_${key}`]: inner })),
      fc.tuple(carrier, plain).map(([key, value]) => ({ [key]: value })),
    ),
    tree: tie('holder'),
  }));
  return fc.tuple(fc.string({ maxLength: 5 }), tree).map(([key, inner]) => ({ [`root_${key}`]: inner }));
}

const sensitive = /\d{17}[\dXx]|1[3-9]\d{9}/;

describe('details sanitising (AUD-02)', () => {
  it('no generated mobile or ID number survives, wherever it is hidden', () => {
    fc.assert(
      fc.property(
        secret.chain((s) => fc.tuple(fc.constant(s), detailsHiding(s))),
        ([hidden, details]) => {
          const stored = JSON.stringify(sanitiseDetails(details));
          expect(stored).not.toContain(hidden);
          expect(stored).not.toMatch(sensitive);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('catches a mobile typed as a number, at any scale jsonb might print it', () => {
    // Scaled so the decimal point falls outside the 11 digits (inside it, the number no longer holds them),
    // and without a trailing 0, which would vanish when scaled down.
    const exponents = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: -20, max: -11 }));
    fc.assert(
      fc.property(
        mobile.filter((p) => !p.endsWith('0')),
        exponents,
        fc.boolean(),
        (phone, exponent, negative) => {
          const value = Number(`${negative ? '-' : ''}${phone}e${exponent}`);
          expect(sanitiseDetails({ n: value })).toEqual({ n: REDACTED });
        },
      ),
    );
    expect(plainNotation(1.3812345678e-7)).toBe('0.00000013812345678');
    expect(plainNotation(1e21)).toBe('1000000000000000000000');
    expect(plainNotation(12.5)).toBe('12.5');
  });

  it('keeps everything else as it was', () => {
    const details = {
      fields: ['phone', 'idNumber'],
      count: 3,
      ok: true,
      none: null,
      note: '案件 2026-0001 已办结',
      caseNo: 202603020001,
    };
    expect(sanitiseDetails(details)).toEqual(details);
    expect(sanitiseDetails({ a: { b: ['13812345678'] }, '13812345678': 1, '43022519900101123X': 2 })).toEqual({
      a: { b: [REDACTED] },
      [REDACTED]: 1,
      [`${REDACTED}#2`]: 2,
    });
  });

  it('survives cycles and keys named __proto__', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(sanitiseDetails(cyclic)).toEqual({ name: 'x', self: null });
    const sneaky = JSON.parse('{"__proto__": {"polluted": "13812345678"}}') as Record<string, unknown>;
    const clean = sanitiseDetails(sneaky);
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
    expect(JSON.stringify(clean)).toBe('{"__proto__":{"polluted":"[redacted]"}}');
  });

  describe('in the stored row', () => {
    const db = useTestDatabase();

    it('never reaches the database, on either engine', async () => {
      await fc.assert(
        fc.asyncProperty(
          secret.chain((s) => fc.tuple(fc.constant(s), detailsHiding(s))),
          async ([hidden, details]) => {
            await recordAuditOutside(db.ctx(), { eventType: 'pii.probe', action: 'probe', details });
            const [row] = await db.database.query<{ text: string }>(
              "select details::text as text from audit_event where region_code = '430225' order by seq desc limit 1",
            );
            expect(row?.text).not.toContain(hidden);
            expect(row?.text).not.toMatch(sensitive);
          },
        ),
        { numRuns: 40 },
      );
      const all = await db.database.query<{ text: string }>(
        "select details::text as text from audit_event where region_code = '430225'",
      );
      expect(all).toHaveLength(40);
      for (const { text } of all) expect(text).not.toMatch(sensitive);
    });
  });
});
