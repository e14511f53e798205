import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describesPlace, normaliseAddress } from './address.ts';

describe('normaliseAddress', () => {
  it.each([
    ['  霞阳镇 炎帝大道  88 号  ', '霞阳镇 炎帝大道 88 号'],
    ['炎帝大道８８号', '炎帝大道88号'],
    ['人民路\u3000农贸市场', '人民路 农贸市场'],
    ['人民路\n\t东门口', '人民路 东门口'],
    ['人\u200B民\u200D路\uFEFF口', '人民路口'],
    ['Ｒｅｎｍｉｎ Ｒｏａｄ', 'Renmin Road'],
    ['\u0000\u0007', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  const anyText = fc.string({ unit: 'binary', maxLength: 60 });

  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (raw) => normaliseAddress(normaliseAddress(raw)) === normaliseAddress(raw)));
  });

  it('gives one trimmed line without invisible characters', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const text = normaliseAddress(raw);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\s{2}|[\n\r\t\p{Cc}\p{Cf}]/u);
      }),
    );
  });

  it('ignores whitespace around and between words', () => {
    const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).map((w) => w.replace(/\s/gu, 'x'));
    const gap = fc.constantFrom(' ', '  ', '\u3000', '\n', '\t ');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), gap, gap, (words, inner, outer) => {
        const spaced = outer + words.join(inner) + outer;
        return normaliseAddress(spaced) === normaliseAddress(words.join(' '));
      }),
    );
  });
});

describe('describesPlace (asked of reports without a point)', () => {
  it.each([
    ['人民路口', true],
    ['炎帝大道88号', true],
    ['Renmin Rd', true],
    ['东门口', false],
    ['88号', false],
    ['1234', false],
    ['附近', false],
    ['……！！', false],
    ['', false],
  ])('%j → %s', (address, expected) => {
    expect(describesPlace(address)).toBe(expected);
  });

  it('is decided by the words, not by the spacing or the width of the characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (raw) => {
        return describesPlace(normaliseAddress(raw)) === describesPlace(normaliseAddress(` ${raw}\u3000`));
      }),
    );
  });

  it('holds for any four letters, and never for digits and punctuation alone', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    fc.assert(fc.property(fc.array(han, { minLength: 4, maxLength: 20 }), (chars) => describesPlace(chars.join(''))));
    const noLetters = fc.string({ unit: fc.constantFrom(...'0123456789 -#,.，。、（）'.split('')), maxLength: 40 });
    fc.assert(fc.property(noLetters, (text) => !describesPlace(normaliseAddress(text))));
  });
});
