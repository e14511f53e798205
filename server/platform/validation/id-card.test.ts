import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateOf, idCardCheckCharacter, maskIdCard, sexOf, validateIdCard } from './id-card.ts';
import { provinceCodes } from './region-code.ts';

const now = new Date('2026-06-01T04:00:00Z'); // 12:00 in China
const check = (input: unknown) => validateIdCard(input, { now });

/**
 * ISO 7064 MOD 11-2 written from its definition rather than from the table in id-card.ts: the character at
 * position i from the right (check character = 1) weighs 2^(i-1) mod 11, and the whole sum must be ≡ 1 (mod 11).
 */
function referenceCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

const withCheck = (body: string) => body + referenceCheck(body);
const yanling = withCheck('43022519900101123'); // a man born 1990-01-01 in Yanling county

describe('validateIdCard — table', () => {
  it.each([
    ['11010519491231002X', 'GB 11643-1999 Annex A example (Beijing, Chaoyang)'],
    [yanling, 'Yanling county'],
    [withCheck('81000019800229002'), 'Hong Kong residence permit, leap day'],
    [withCheck('82000020000101001'), 'Macao residence permit'],
    [withCheck('83000019751111002'), 'Taiwan residence permit'],
    [withCheck('71000019600101001'), '台湾省 address code 71'],
    [withCheck('65010019000101001'), 'earliest accepted birth date'],
    [withCheck('43022520260601001'), 'born today (China time)'],
  ])('accepts %s (%s)', (id) => {
    expect(check(id)).toEqual({ ok: true, value: id });
  });

  it.each([
    ['', 'id_card.required'],
    ['   ', 'id_card.required'],
    ['430225900101123', 'id_card.legacy_15'],
    ['43022519900101123', 'id_card.format'],
    ['4302251990010112345', 'id_card.format'],
    ['43022519900101123A', 'id_card.format'],
    ['4302251990010X1234', 'id_card.format'],
    ['43022519900101123?', 'id_card.format'],
    [withCheck('99022519900101123'), 'id_card.region'],
    [withCheck('10022519900101123'), 'id_card.region'],
    [withCheck('00022519900101123'), 'id_card.region'],
    [withCheck('83010019900101123'), 'id_card.region'],
    [withCheck('81000119900101123'), 'id_card.region'],
    [withCheck('43022519900230123'), 'id_card.birth_date'],
    [withCheck('43022519000229123'), 'id_card.birth_date'],
    [withCheck('43022520230229123'), 'id_card.birth_date'],
    [withCheck('43022519990431123'), 'id_card.birth_date'],
    [withCheck('43022519991301123'), 'id_card.birth_date'],
    [withCheck('43022519990001123'), 'id_card.birth_date'],
    [withCheck('43022519990100123'), 'id_card.birth_date'],
    ['440524188001010014', 'id_card.birth_date_too_early'],
    [withCheck('43022518991231123'), 'id_card.birth_date_too_early'],
    [withCheck('43022500500101123'), 'id_card.birth_date_too_early'],
    [withCheck('43022520260602123'), 'id_card.birth_date_future'],
    [withCheck('43022530000101123'), 'id_card.birth_date_future'],
    ['110105194912310021', 'id_card.check_digit'],
    [`${yanling.slice(0, 17)}${yanling[17] === '0' ? '1' : '0'}`, 'id_card.check_digit'],
  ])('refuses %j with %s', (id, reason) => {
    expect(check(id)).toEqual({ ok: false, reason });
  });

  it('refuses values that are not strings as a format problem', () => {
    for (const value of [undefined, null, 430225, {}, []])
      expect(check(value)).toEqual({ ok: false, reason: 'id_card.format' });
  });

  it('normalises lower-case x, full-width digits, spaces and dashes', () => {
    expect(check('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(check('１１０１０５１９４９１２３１００２Ｘ')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(check(' 110105 19491231 002X ')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(check('110105-19491231-002X')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('takes "today" in China time (UTC+8), not UTC', () => {
    const bornJune1 = withCheck('43022520260601002');
    // 2026-05-31T16:30Z is 00:30 on 1 June in China: the baby exists.
    expect(validateIdCard(bornJune1, { now: new Date('2026-05-31T16:30:00Z') }).ok).toBe(true);
    // 2026-05-31T15:59Z is still 31 May in China.
    expect(validateIdCard(bornJune1, { now: new Date('2026-05-31T15:59:00Z') })).toEqual({
      ok: false,
      reason: 'id_card.birth_date_future',
    });
  });

  it('throws on an invalid clock, which is a programming error rather than bad input', () => {
    expect(() => validateIdCard(yanling, { now: new Date('nope') })).toThrow(TypeError);
  });
});

describe('birthDateOf, sexOf, maskIdCard', () => {
  it('reads the birth date', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateOf('11010519491231002x')).toBe('1949-12-31');
    expect(birthDateOf(yanling)).toBe('1990-01-01');
    expect(birthDateOf('110105194902310021')).toBeNull();
    expect(birthDateOf('430225900101123')).toBeNull();
    expect(birthDateOf('')).toBeNull();
  });

  it('reads the sex from the 17th digit: odd male, even female', () => {
    expect(sexOf(yanling)).toBe('male');
    expect(sexOf('11010519491231002X')).toBe('female');
    expect(sexOf('abc')).toBeNull();
  });

  it('keeps the first 6 and last 4', () => {
    expect(maskIdCard('430225199001011234')).toBe('430225********1234');
    expect(maskIdCard('11010519491231002x')).toBe('110105********002X');
    expect(maskIdCard('430225900101123')).toBe('430225******123');
    expect(maskIdCard('4302251990')).toBe('**********');
    expect(maskIdCard('')).toBe('');
  });
});

const province = fc.constantFrom(...provinceCodes, '83');
const addressCode = province.chain((p) =>
  ['81', '82', '83'].includes(p) ? fc.constant(`${p}0000`) : fc.stringMatching(/^\d{4}$/).map((rest) => p + rest),
);
const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-05-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const sequence = fc.stringMatching(/^\d{3}$/);
const validId = fc.tuple(addressCode, birthDate, sequence).map(([a, d, s]) => withCheck(a + d + s));
const idAlphabet = '0123456789X';

/** Any code point; code-like text with the full-width, dash and space variants people type; non-strings. */
const codeLike = fc.string({
  unit: fc.constantFrom(...'0123456789XxHhMP+-() ＋－（）０９Ｘ\u3000\u2014'),
  maxLength: 24,
});
const anyInput = fc.oneof(fc.string({ unit: 'binary' }), codeLike, fc.anything({ maxDepth: 2 }));
describe('validateIdCard — properties', () => {
  it('(a) accepts any body with a real province and date once the check character is appended', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(check(id)).toEqual({ ok: true, value: id });
      }),
    );
  });

  it('(a) agrees with the independent reference on the check character of any 17 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (body) => idCardCheckCharacter(body) === referenceCheck(body)),
    );
  });

  it('(b) refuses every single-character substitution of a valid number', () => {
    const substitution = fc.tuple(validId, fc.nat(17), fc.constantFrom(...idAlphabet));
    fc.assert(
      fc.property(substitution, ([id, at, char]) => {
        fc.pre(id[at] !== char);
        expect(check(id.slice(0, at) + char + id.slice(at + 1)).ok).toBe(false);
      }),
    );
  });

  it('(b) the check character alone catches every substitution in the body (MOD 11-2 weights are units mod 11)', () => {
    const substitution = fc.tuple(fc.stringMatching(/^\d{17}$/), fc.nat(16), fc.constantFrom(...'0123456789'));
    fc.assert(
      fc.property(substitution, ([body, at, digit]) => {
        fc.pre(body[at] !== digit);
        return idCardCheckCharacter(body.slice(0, at) + digit + body.slice(at + 1)) !== idCardCheckCharacter(body);
      }),
    );
  });

  it('(c) the mask never shows the birth date or sequence, nor more than 10 characters of anything', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const masked = maskIdCard(id);
        expect(masked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), codeLike), (text) => {
        const shown = [...maskIdCard(text)].filter((c) => c !== '*');
        return shown.length <= 10;
      }),
    );
  });

  it('(d) normalisation is idempotent, whatever the input looked like', () => {
    const variant = fc.tuple(validId, fc.boolean(), fc.boolean()).map(([id, lower, spaced]) => {
      const cased = lower ? id.toLowerCase() : id;
      return spaced ? `${cased.slice(0, 6)} ${cased.slice(6, 14)} ${cased.slice(14)}` : cased;
    });
    fc.assert(
      fc.property(variant, (input) => {
        const first = check(input);
        if (!first.ok) return false;
        const second = check(first.value);
        return second.ok && second.value === first.value;
      }),
    );
  });

  it('(e) never throws on arbitrary input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = check(input);
        expect(result.ok ? /^\d{17}[\dX]$/.test(result.value) : result.reason.startsWith('id_card.')).toBe(true);
        if (typeof input === 'string') {
          maskIdCard(input);
          birthDateOf(input);
          sexOf(input);
        }
      }),
    );
  });
});
