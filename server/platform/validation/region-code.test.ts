import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, isWithin, parseRegionCode, provinceCodes } from './region-code.ts';

describe('parseRegionCode — table', () => {
  it.each([
    ['43', { code: '43', level: 'province', parent: null }],
    ['4302', { code: '4302', level: 'city', parent: '43' }],
    ['430225', { code: '430225', level: 'county', parent: '4302' }],
    ['430225100', { code: '430225100', level: 'township', parent: '430225', kind: 'town' }], // 霞阳镇
    ['430225209', { code: '430225209', level: 'township', parent: '430225', kind: 'rural_township' }], // 中村瑶族乡
    ['430225400', { code: '430225400', level: 'township', parent: '430225', kind: 'other_township' }], // 大院农场
    ['430102001', { code: '430102001', level: 'township', parent: '430102', kind: 'subdistrict' }], // 文艺路街道
    ['430225100001', { code: '430225100001', level: 'village', parent: '430225100', kind: 'community' }],
    ['430225100201', { code: '430225100201', level: 'village', parent: '430225100', kind: 'village_committee' }],
    ['420281102400', { code: '420281102400', level: 'village', parent: '420281102', kind: 'other_village' }],
    ['441900003', { code: '441900003', level: 'township', parent: '4419', kind: 'subdistrict' }], // 东莞, no counties
    ['4290', { code: '4290', level: 'city', parent: '42' }], // 省直辖县级行政区划
    ['429004', { code: '429004', level: 'county', parent: '4290' }],
    ['71', { code: '71', level: 'province', parent: null }],
    ['810000', { code: '81', level: 'province', parent: null }],
  ])('parses %s', (input, info) => {
    expect(parseRegionCode(input)).toEqual({ ok: true, value: info });
  });

  it.each([
    ['430000', '43'],
    ['430200', '4302'],
    ['430225000000', '430225'],
    ['430225100000', '430225100'],
    ['441900000000', '4419'],
    [' 430225 ', '430225'],
    ['４３０２２５', '430225'],
  ])('shortens the padded or decorated form %j to %s', (input, code) => {
    const result = parseRegionCode(input);
    expect(result.ok && result.value.code).toBe(code);
  });

  it.each([
    ['', 'region_code.required'],
    ['4', 'region_code.format'],
    ['430', 'region_code.format'],
    ['43022', 'region_code.format'],
    ['4302251', 'region_code.format'],
    ['43022510020', 'region_code.format'],
    ['43022510020100', 'region_code.format'],
    ['43a2', 'region_code.format'],
    ['-43', 'region_code.format'],
    ['99', 'region_code.province'],
    ['10', 'region_code.province'],
    ['83', 'region_code.province'],
    ['00', 'region_code.province'],
    ['990000', 'region_code.province'],
    ['4300', 'region_code.city'],
    ['4371', 'region_code.city'],
    ['4399', 'region_code.city'],
    ['430025', 'region_code.city'],
    ['430225000', 'region_code.township'],
    ['430225600', 'region_code.township'],
    ['430225999', 'region_code.township'],
    ['430225000201', 'region_code.township'],
    ['430225100600', 'region_code.village'],
    ['430225100999', 'region_code.village'],
  ])('refuses %j with %s', (input, reason) => {
    expect(parseRegionCode(input)).toEqual({ ok: false, reason });
  });

  it('refuses values that are not strings as a format problem', () => {
    for (const value of [undefined, null, 430225, {}])
      expect(parseRegionCode(value)).toEqual({ ok: false, reason: 'region_code.format' });
  });
});

describe('isWithin and ancestorsOf', () => {
  it.each([
    ['430225100201', '430225', true],
    ['430225100201', '43', true],
    ['430225', '430225', true],
    ['430225100', '430200', true],
    ['430225100', '430000', true],
    ['43', '430000', true],
    ['441900003', '441900', true],
    ['430225', '430225100', false],
    ['430226100', '430225', false],
    ['4302', '430225', false],
    ['440225', '43', false],
    ['4302251', '43', false],
    ['430225', '4302251', false],
    ['430225', '', false],
  ])('isWithin(%j, %j) is %s', (code, ancestor, expected) => {
    expect(isWithin(code, ancestor)).toBe(expected);
  });

  it('lists canonical ancestors, province first', () => {
    expect(ancestorsOf('430225100201')).toEqual(['43', '4302', '430225', '430225100']);
    expect(ancestorsOf('430225000000')).toEqual(['43', '4302']);
    expect(ancestorsOf('441900003201')).toEqual(['44', '4419', '441900003']);
    expect(ancestorsOf('43')).toEqual([]);
    expect(ancestorsOf('4')).toBeNull();
  });
});

const pad3 = (n: number) => String(n).padStart(3, '0');
const pad2 = (n: number) => String(n).padStart(2, '0');
/** A valid canonical code at a random level, built from the rules' ranges. */
const regionCode = fc
  .tuple(
    fc.constantFrom(...provinceCodes),
    fc.oneof(fc.integer({ min: 1, max: 70 }), fc.constant(90)).map(pad2),
    fc.integer({ min: 1, max: 99 }).map(pad2),
    fc.integer({ min: 1, max: 599 }).map(pad3),
    fc.integer({ min: 1, max: 599 }).map(pad3),
    fc.constantFrom(2, 4, 6, 9, 12),
  )
  .map(([p, c, k, t, v, length]) => (p + c + k + t + v).slice(0, length));

/** Any code point; code-like text with the full-width, dash and space variants people type; non-strings. */
const codeLike = fc.string({
  unit: fc.constantFrom(...'0123456789XxHhMP+-() ＋－（）０９Ｘ\u3000\u2014'),
  maxLength: 24,
});
const anyInput = fc.oneof(fc.string({ unit: 'binary' }), codeLike, fc.anything({ maxDepth: 2 }));
describe('region codes — properties', () => {
  it('(a) any code built from the ranges parses, with its level from its length and its parent as prefix', () => {
    const levels: Record<number, string> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'village' };
    fc.assert(
      fc.property(regionCode, (code) => {
        const result = parseRegionCode(code);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.code).toBe(code);
        expect(result.value.level).toBe(levels[code.length]);
        expect(result.value.parent === null || code.startsWith(result.value.parent)).toBe(true);
      }),
    );
  });

  it('the zero-padded 6/12-digit forms name the same region', () => {
    fc.assert(
      fc.property(regionCode, (code) => {
        const padded = code.length <= 6 ? code.padEnd(6, '0') : code.padEnd(12, '0');
        const result = parseRegionCode(padded);
        return result.ok && result.value.code === code;
      }),
    );
  });

  it('isWithin agrees with ancestorsOf and is reflexive', () => {
    fc.assert(
      fc.property(regionCode, regionCode, (a, b) => {
        const ancestors = ancestorsOf(a) ?? [];
        expect(isWithin(a, a)).toBe(true);
        for (const ancestor of ancestors) expect(isWithin(a, ancestor)).toBe(true);
        expect(isWithin(a, b)).toBe(a === b || ancestors.includes(b));
      }),
    );
  });

  it('(d) normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(regionCode, fc.stringMatching(/^\d{2,12}$/)), (input) => {
        const first = parseRegionCode(input);
        if (!first.ok) return true;
        const second = parseRegionCode(first.value.code);
        return second.ok && second.value.code === first.value.code;
      }),
    );
  });

  it('(e) never throws on arbitrary input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = parseRegionCode(input);
        expect(result.ok ? /^\d{2,12}$/.test(result.value.code) : result.reason.startsWith('region_code.')).toBe(true);
        if (typeof input === 'string') {
          isWithin(input, '43');
          isWithin('430225', input);
          ancestorsOf(input);
        }
      }),
    );
  });
});
