import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLandline, isMobile, maskMobile, validateLandline, validateMobile } from './mobile.ts';

describe('validateMobile — table', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['+8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-138-1234-5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['(+86) 13812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['＋８６ １３８１２３４５６７８', '13812345678'],
    ['138—1234—5678', '13812345678'],
  ])('accepts %j as %s', (input, value) => {
    expect(validateMobile(input)).toEqual({ ok: true, value });
    expect(isMobile(input)).toBe(true);
  });

  it.each([
    ['', 'mobile.required'],
    [' - ', 'mobile.required'],
    ['12812345678', 'mobile.format'],
    ['10086', 'mobile.format'],
    ['1381234567', 'mobile.format'],
    ['138123456789', 'mobile.format'],
    ['1381234567a', 'mobile.format'],
    ['0731-22223333', 'mobile.format'],
    ['86138123456', 'mobile.format'],
    ['+1 415 555 0100', 'mobile.not_mainland'],
    ['+85291234567', 'mobile.not_mainland'],
    ['0085291234567', 'mobile.not_mainland'],
  ])('refuses %j with %s', (input, reason) => {
    expect(validateMobile(input)).toEqual({ ok: false, reason });
  });

  it('refuses values that are not strings as a format problem', () => {
    for (const value of [undefined, null, 13812345678, {}])
      expect(validateMobile(value)).toEqual({ ok: false, reason: 'mobile.format' });
  });
});

describe('validateLandline', () => {
  it.each([
    ['0731-22223333', '0731-22223333'],
    ['0731 2222 3333', '0731-22223333'],
    ['(0731)22223333', '0731-22223333'],
    ['073122223333', '0731-22223333'],
    ['0731-2222333', '0731-2222333'],
    ['010-62345678', '010-62345678'],
    ['021 5555 6666', '021-55556666'],
    ['+86 731 2222 3333', '0731-22223333'],
    ['+86 0731 2222 3333', '0731-22223333'],
    ['００８６ ７３１ ２２２２３３３３', '0731-22223333'],
  ])('accepts %j as %s', (input, value) => {
    expect(validateLandline(input)).toEqual({ ok: true, value });
    expect(isLandline(input)).toBe(true);
  });

  it.each([
    ['', 'landline.required'],
    ['22223333', 'landline.format'],
    ['0731-12223333', 'landline.format'],
    ['0731-02223333', 'landline.format'],
    ['0731-222233', 'landline.format'],
    ['0731-222233334', 'landline.format'],
    ['010-6234567', 'landline.format'],
    ['13812345678', 'landline.format'],
    ['+1 731 2222 3333', 'landline.format'],
  ])('refuses %j with %s', (input, reason) => {
    expect(validateLandline(input)).toEqual({ ok: false, reason });
    expect(isLandline(input)).toBe(false);
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 of the normalised number', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138 1234 5678')).toBe('138****5678');
  });

  it('masks anything else completely', () => {
    expect(maskMobile('0731-22223333')).toBe('************');
    expect(maskMobile('12345')).toBe('*****');
    expect(maskMobile('')).toBe('');
  });
});

const mobile = fc
  .tuple(fc.constantFrom(...'3456789'), fc.stringMatching(/^\d{9}$/))
  .map(([second, rest]) => `1${second}${rest}`);
/** [the number, the number as someone might type it]. */
const decoratedPair = fc
  .tuple(mobile, fc.constantFrom('', '+86', '+86 ', '0086', '0086-', '86', '＋８６'), fc.constantFrom('', ' ', '-'))
  .map(([number, prefix, gap]): [string, string] => [
    number,
    prefix + [number.slice(0, 3), number.slice(3, 7), number.slice(7)].join(gap),
  ]);
const decorated = decoratedPair.map(([, input]) => input);

/** Any code point; code-like text with the full-width, dash and space variants people type; non-strings. */
const codeLike = fc.string({
  unit: fc.constantFrom(...'0123456789XxHhMP+-() ＋－（）０９Ｘ\u3000\u2014'),
  maxLength: 24,
});
const anyInput = fc.oneof(fc.string({ unit: 'binary' }), codeLike, fc.anything({ maxDepth: 2 }));
describe('mobile — properties', () => {
  it('accepts any 1[3-9] + 9 digits, however it is decorated', () => {
    fc.assert(
      fc.property(decoratedPair, ([number, input]) => {
        expect(validateMobile(input)).toEqual({ ok: true, value: number });
      }),
    );
  });

  it('(c) the mask shows at most 7 digits, never digits 4–7', () => {
    fc.assert(
      fc.property(mobile, (number) => {
        expect(maskMobile(number)).toBe(`${number.slice(0, 3)}****${number.slice(7)}`);
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), codeLike),
        (text) => [...maskMobile(text)].filter((c) => c !== '*').length <= 7,
      ),
    );
  });

  it('(d) normalisation is idempotent', () => {
    fc.assert(
      fc.property(decorated, (input) => {
        const first = validateMobile(input);
        if (!first.ok) return false;
        const second = validateMobile(first.value);
        return second.ok && second.value === first.value;
      }),
    );
    const landline = fc
      .tuple(
        fc.constantFrom('0731', '010', '021', '0755'),
        fc.constantFrom(...'23456789'),
        fc.stringMatching(/^\d{7}$/),
      )
      .map(([area, first, rest]) => `${area} ${first}${rest}`);
    fc.assert(
      fc.property(landline, (input) => {
        const first = validateLandline(input);
        if (!first.ok) return false;
        const second = validateLandline(first.value);
        return second.ok && second.value === first.value;
      }),
    );
  });

  it('(e) never throws on arbitrary input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const mobile = validateMobile(input);
        const landline = validateLandline(input);
        expect(mobile.ok ? /^1[3-9]\d{9}$/.test(mobile.value) : mobile.reason.startsWith('mobile.')).toBe(true);
        expect(landline.ok ? /^0\d{2,3}-\d{7,8}$/.test(landline.value) : landline.reason.startsWith('landline.')).toBe(
          true,
        );
        if (typeof input === 'string') maskMobile(input);
      }),
    );
  });
});
