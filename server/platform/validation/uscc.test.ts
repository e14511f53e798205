import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provinceCodes } from './region-code.ts';
import {
  defaultUsccOrganizationTypes,
  organizationCodeCheckCharacter,
  usccCheckCharacter,
  validateUscc,
} from './uscc.ts';

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100 from its definition: weight of position i is 3^(i-1) mod 31; check value = (31 − Σ mod 31) mod 31. */
function referenceCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body[i] as string) * (3 ** i % 31);
  return alphabet[(31 - (sum % 31)) % 31] as string;
}

/** GB 11714 from its definition: weight of position i (1–8) is 2^(9−i) mod 11, letters A=10…Z=35; Σ + C9 ≡ 0. */
function referenceOrganizationCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body[i] as string, 36) * (2 ** (8 - i) % 11);
  const value = (11 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

/** A well-formed code from its first 8 characters and an 8-character organisation body. */
function build(head: string, organizationBody: string): string {
  const body = head + organizationBody + referenceOrganizationCheck(organizationBody);
  return body + referenceCheck(body);
}

describe('validateUscc — table', () => {
  it.each([
    ['91350100M000100Y43', 'GB 32100-2015 worked example'],
    ['91110000600037341L', 'python-stdnum doctest example (enterprise, Beijing)'],
    ['51100000500012681T', '社会团体 registered by 民政部 (region 100000), from a public invoice'],
    ['12440600MB2C07549J', '事业单位 (Foshan), quoted in a public issue'],
    ['9144030071526726XG', 'enterprise, Shenzhen; organisation code ending in X'],
    [build('92430225', 'MA4L0000'), '个体工商户 in Yanling'],
    [build('93430225', 'MA4L0001'), '农民专业合作社 in Yanling'],
    [build('N2430225', 'MA4L0002'), '村级集体经济组织 in Yanling'],
    [build('A1110000', 'MA000003'), '军队事业单位'],
    [build('Y1430225', 'MA4L0004'), '其他'],
    [build('81430225', 'MA4L0005'), '基层工会'],
  ])('accepts %s (%s)', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['', 'uscc.required'],
    ['91350100M000100Y4', 'uscc.format'],
    ['91350100M000100Y431', 'uscc.format'],
    ['91350100M000100I43', 'uscc.format'],
    ['91350100M000100O43', 'uscc.format'],
    ['91350100M000100S43', 'uscc.format'],
    ['9135010AM000100Y43', 'uscc.format'],
    ['Z1350100M000100Y43', 'uscc.format'],
    [build('B1430225', 'MA4L0000'), 'uscc.registration_authority'],
    [build('01430225', 'MA4L0000'), 'uscc.registration_authority'],
    [build('94430225', 'MA4L0000'), 'uscc.organization_type'],
    [build('99430225', 'MA4L0000'), 'uscc.organization_type'],
    [build('Y2430225', 'MA4L0000'), 'uscc.organization_type'],
    [build('5A430225', 'MA4L0000'), 'uscc.organization_type'],
    [build('91990100', 'MA4L0000'), 'uscc.region'],
    [build('91000000', 'MA4L0000'), 'uscc.region'],
    [build('91101000', 'MA4L0000'), 'uscc.region'],
    ['91350100M000100Y53', 'uscc.organization_code'],
    ['91350100M000100Y44', 'uscc.check_digit'],
    // A code reported as registered whose 18th character does not compute (the standard gives J): still refused.
    ['91350203M0001FUE2P', 'uscc.check_digit'],
  ])('refuses %j with %s', (code, reason) => {
    expect(validateUscc(code)).toEqual({ ok: false, reason });
  });

  it('refuses values that are not strings as a format problem', () => {
    for (const value of [undefined, null, 91350100, {}])
      expect(validateUscc(value)).toEqual({ ok: false, reason: 'uscc.format' });
  });

  it('normalises case, full-width characters, spaces and dashes', () => {
    for (const input of [
      '91350100m000100y43',
      '９１３５０１００Ｍ０００１００Ｙ４３',
      ' 9135 0100 M000 100Y 43 ',
      '91-350100-M000100Y4-3',
    ]) {
      expect(validateUscc(input)).toEqual({ ok: true, value: '91350100M000100Y43' });
    }
  });

  it('lets the caller switch off the organisation-code check and extend the type table', () => {
    const badOrganizationCode = '91350100M000100Y5'.concat(referenceCheck('91350100M000100Y5'));
    expect(validateUscc(badOrganizationCode)).toEqual({ ok: false, reason: 'uscc.organization_code' });
    expect(validateUscc(badOrganizationCode, { checkOrganizationCode: false }).ok).toBe(true);
    const b1 = build('B1430225', 'MA4L0000');
    expect(validateUscc(b1, { organizationTypes: { ...defaultUsccOrganizationTypes, B: '1' } }).ok).toBe(true);
  });

  it('computes the GB 11714 check character, including X and 0', () => {
    expect(organizationCodeCheckCharacter('M000100Y')).toBe('4');
    expect(organizationCodeCheckCharacter('71526726')).toBe('X');
    expect(organizationCodeCheckCharacter('M000100')).toBeNull();
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('91350100M000100I4')).toBeNull();
  });
});

const pair = fc.constantFrom(
  ...Object.entries(defaultUsccOrganizationTypes).flatMap(([authority, types]) => [...types].map((t) => authority + t)),
);
const region = fc.oneof(
  fc.constant('100000'),
  fc.tuple(fc.constantFrom(...provinceCodes), fc.stringMatching(/^\d{4}$/)).map(([p, rest]) => p + rest),
);
const organizationBody = fc
  .array(fc.constantFrom(...alphabet), { minLength: 8, maxLength: 8 })
  .map((cs) => cs.join(''));
const validCode = fc.tuple(pair, region, organizationBody).map(([p, r, o]) => build(p + r, o));

/** Any code point; code-like text with the full-width, dash and space variants people type; non-strings. */
const codeLike = fc.string({
  unit: fc.constantFrom(...'0123456789XxHhMP+-() ＋－（）０９Ｘ\u3000\u2014'),
  maxLength: 24,
});
const anyInput = fc.oneof(fc.string({ unit: 'binary' }), codeLike, fc.anything({ maxDepth: 2 }));
describe('validateUscc — properties', () => {
  it('(a) accepts any allowed authority/type pair, region and organisation body once both check characters are appended', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(validateUscc(code)).toEqual({ ok: true, value: code });
      }),
    );
  });

  it('(a) agrees with the independent references on any body', () => {
    const body17 = fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));
    fc.assert(fc.property(body17, (body) => usccCheckCharacter(body) === referenceCheck(body)));
    fc.assert(
      fc.property(
        organizationBody,
        (body) => organizationCodeCheckCharacter(body) === referenceOrganizationCheck(body),
      ),
    );
  });

  it('(b) refuses every single-character substitution of a valid code', () => {
    const substitution = fc.tuple(validCode, fc.nat(17), fc.constantFrom(...alphabet, 'I', 'O', 'Z', 'S', 'V'));
    fc.assert(
      fc.property(substitution, ([code, at, char]) => {
        fc.pre(code[at] !== char);
        expect(validateUscc(code.slice(0, at) + char + code.slice(at + 1)).ok).toBe(false);
      }),
    );
  });

  it('(b) the check character alone catches every substitution (3^i mod 31 are units mod the prime 31)', () => {
    const substitution = fc.tuple(
      fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }).map((cs) => cs.join('')),
      fc.nat(16),
      fc.constantFrom(...alphabet),
    );
    fc.assert(
      fc.property(substitution, ([body, at, char]) => {
        fc.pre(body[at] !== char);
        return usccCheckCharacter(body.slice(0, at) + char + body.slice(at + 1)) !== usccCheckCharacter(body);
      }),
    );
  });

  it('(d) normalisation is idempotent', () => {
    const variant = fc.tuple(validCode, fc.boolean()).map(([code, lower]) => (lower ? code.toLowerCase() : code));
    fc.assert(
      fc.property(variant, (input) => {
        const first = validateUscc(input);
        if (!first.ok) return false;
        const second = validateUscc(first.value);
        return second.ok && second.value === first.value;
      }),
    );
  });

  it('(e) never throws on arbitrary input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = validateUscc(input);
        expect(result.ok ? result.value.length === 18 : result.reason.startsWith('uscc.')).toBe(true);
      }),
    );
  });
});
