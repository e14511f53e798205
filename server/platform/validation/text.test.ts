import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactCode, toHalfWidth } from './text.ts';

describe('toHalfWidth', () => {
  it('maps full-width ASCII, the ideographic space and typographic dashes', () => {
    expect(toHalfWidth('４３０２２５　ＡＢｘ＋（）')).toBe('430225 ABx+()');
    expect(toHalfWidth('0731—2222–3333－1')).toBe('0731-2222-3333-1');
  });

  it('leaves look-alikes that are not the same character alone', () => {
    expect(toHalfWidth('①²ﬁ')).toBe('①²ﬁ');
    expect(toHalfWidth('炎陵')).toBe('炎陵');
  });
});

describe('compactCode', () => {
  it('removes whitespace and the named separators only', () => {
    expect(compactCode(' 43 02\t25\n', '')).toBe('430225');
    expect(compactCode('0731-(2222)3333', '-()')).toBe('073122223333');
    expect(compactCode('0731-2222', '')).toBe('0731-2222');
  });

  it('answers null for anything that is not a string', () => {
    for (const value of [undefined, null, 1, {}, [], true]) expect(compactCode(value)).toBeNull();
  });

  it('is idempotent and never leaves whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = compactCode(text, '-') as string;
        expect(compactCode(once, '-')).toBe(once);
        expect(/\s/.test(once)).toBe(false);
      }),
    );
  });
});
