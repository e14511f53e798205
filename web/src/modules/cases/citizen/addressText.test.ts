import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describesPlace, normaliseAddress } from './addressText.ts';

/** The server's examples (public-address.test.ts): the phone must agree with it, or it would let through what the server refuses. */
describe('the address rules on the phone, as on the server', () => {
  it.each([
    ['  霞阳镇 炎帝大道  88 号  ', '霞阳镇 炎帝大道 88 号'],
    ['炎帝大道８８号', '炎帝大道88号'],
    ['人民路\u3000农贸市场', '人民路 农贸市场'],
    ['人民路\n\t东门口', '人民路 东门口'],
    ['人\u200B民\u200D路\uFEFF口', '人民路口'],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it.each([
    ['人民路口', true],
    ['炎帝大道88号', true],
    ['Renmin Rd', true],
    ['东门口', false],
    ['88号', false],
    ['附近', false],
    ['  ', false],
  ])('%j describes a place: %s', (address, expected) => {
    expect(describesPlace(address)).toBe(expected);
  });

  it('normalising is idempotent and the verdict ignores spacing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
        const once = normaliseAddress(raw);
        return normaliseAddress(once) === once && describesPlace(raw) === describesPlace(`\u3000${raw}  `);
      }),
    );
  });
});
