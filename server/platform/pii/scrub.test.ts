import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPersonalNumber, personalNumberPatterns, scrubPersonalNumbers } from './scrub.ts';

describe('scrubbing personal numbers out of free text', () => {
  it.each([
    ['核实 13812345678 的来电', '核实 138****5678 的来电'],
    ['身份证 430225199001011234 与 43022519900101123X', '身份证 430225********1234 与 430225********123X'],
    ['旧证 430225900101123', '旧证 430225******123'],
    ['电话 138-1234-5678 或 138 1234 5678', '电话 138****5678 或 138****5678'],
    ['/api/people/430225199001011234/phone/13812345678', '/api/people/430225********1234/phone/138****5678'],
    ['+8613812345678', '+*************'],
    ['order 20260302000001', 'order 20260302000001'],
    ['serial 12345678901234567890', `serial ${'*'.repeat(20)}`],
    ['case 2026-0001 at 1718000000', 'case 2026-0001 at 1718000000'],
  ])('%s → %s', (text, scrubbed) => {
    expect(scrubPersonalNumbers(text)).toBe(scrubbed);
  });

  it('after scrubbing, nothing the leak scanners look for is left', () => {
    const withNumbers = fc
      .array(
        fc.oneof(
          fc.string({ maxLength: 6 }),
          fc.stringMatching(/^1[3-9]\d{9}$/),
          fc.stringMatching(/^\d{17}[\dX]$/),
          fc.stringMatching(/^\d{15}$/),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(withNumbers, (text) => {
        expect(containsPersonalNumber(scrubPersonalNumbers(text))).toBe(false);
      }),
    );
  });

  it('the scanners find phones and ID numbers, not timestamps or uuids', () => {
    expect(personalNumberPatterns.mobile.test('{"phone":"13812345678"}')).toBe(true);
    expect(personalNumberPatterns.mobile.test('tel=+86 138 1234 5678')).toBe(true);
    expect(personalNumberPatterns.id_card.test('id=43022519900101123x')).toBe(true);
    expect(containsPersonalNumber('{"time":1772413200000,"reqId":"6f1c0b6e-3a0c-4b8e-9f1a-2c3d4e5f6a7b"}')).toBe(false);
    // A UUID whose groups happen to read like a dashed mobile (this made a response scan fail now and then).
    expect(containsPersonalNumber('{"id":"6f1ca139-1234-4567-8901-2c3d4e5f6a7b"}')).toBe(false);
    expect(personalNumberPatterns.mobile.test('电话138-1234-5678')).toBe(true);
    expect(containsPersonalNumber('{"responseTime":12.753625999999713,"x":0.13812345678}')).toBe(false);
  });
});
