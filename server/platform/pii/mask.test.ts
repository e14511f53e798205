import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCardCheckCharacter } from '../validation/id-card.ts';
import {
  addressDetailMask,
  hiddenPlaceholder,
  maskAddress,
  maskBankCard,
  maskIdCard,
  maskIp,
  maskMobile,
  maskName,
  maskNameForPublic,
  maskPhone,
  maskRules,
  maskValue,
} from './mask.ts';

/** Characters of the output that are not '*': what the mask lets through. */
function visible(masked: string): string[] {
  return [...masked].filter((char) => char !== '*');
}

const anyText = fc.string({ unit: 'binary', maxLength: 80 });
const hanName = fc
  .array(fc.constantFrom(...'张王李赵欧阳司马诸葛小三娜丽华明买提艾力'), { minLength: 0, maxLength: 8 })
  .map((chars) => chars.join(''));
const validIdCard = fc
  .tuple(
    fc.constantFrom('430225', '110101', '440524'),
    fc.date({ min: new Date('1950-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([area, date, seq]) => {
    const body = `${area}${date.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    return body + idCardCheckCharacter(body);
  });

describe('masks: table (security-style-anchors §A2.3)', () => {
  it.each([
    ['id_card', '430225199001011234', '430225********1234'],
    ['id_card', '43022519900101123x', '430225********123X'],
    ['id_card', '430225900101123', '430225******123'],
    ['id_card', '4302251990', '**********'],
    ['mobile', '13812345678', '138****5678'],
    ['mobile', '+86 138-1234-5678', '138****5678'],
    ['mobile', '12345', '*****'],
    ['phone', '0731-22223333', '0731-******33'],
    ['phone', '13812345678', '138****5678'],
    ['bank_card', '6222 0212 3456 7890 123', '622202*********0123'],
    ['bank_card', '1234', '****'],
    ['ip', '192.168.10.23', '192.168.10.*'],
    ['ip', '2001:db8:85a3::8a2e:370:7334', '2001:db8:*'],
    ['ip', 'not-an-ip', '*********'],
    ['none', 'Mozilla/5.0', 'Mozilla/5.0'],
  ] as const)('%s %s → %s', (rule, value, masked) => {
    expect(maskValue(rule, value)).toBe(masked);
  });

  it.each([
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['张小小三', '张**三'],
    ['欧阳修', '欧阳*'],
    ['欧阳娜娜', '欧阳**'],
    ['诸葛孔明', '诸葛**'],
    ['欧阳', '欧*'],
    ['买买提·艾力', '买****力'],
    [' 李四 ', '李*'],
    ['张', '*'],
    ['', ''],
  ])('name %s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('public lists show the surname only, not even the length', () => {
    expect(maskNameForPublic('张小三')).toBe('张*');
    expect(maskNameForPublic('欧阳娜娜')).toBe('欧阳*');
    expect(maskNameForPublic('张')).toBe('*');
  });

  it.each([
    ['湖南省株洲市炎陵县霞阳镇东街社区建设路12号3栋201室', '湖南省株洲市炎陵县霞阳镇东街社区建设路****'],
    ['炎陵县中村瑶族乡平乐村3组15号', '炎陵县中村瑶族乡平乐村****'],
    ['霞阳镇平乐村张家湾', '霞阳镇平乐村****'],
    ['建设路12号路口东', '建设路****'],
    ['霞阳镇平乐村', '霞阳镇平乐村'],
    ['幸福小区5栋', '****'],
    ['12号', '****'],
  ])('address %s → %s', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });

  it('hidden and secret show the placeholder whatever the value; null stays null', () => {
    expect(maskValue('hidden', '高血压 I10')).toBe(hiddenPlaceholder);
    expect(maskValue('secret', '$argon2id$v=19$…')).toBe(hiddenPlaceholder);
    for (const rule of maskRules) expect(maskValue(rule, null)).toBeNull();
  });
});

describe('masks: properties', () => {
  it('no mask ever throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.constantFrom(...maskRules), anyText, (rule, text) => typeof maskValue(rule, text) === 'string'),
    );
  });

  it('an ID number shows at most its first 6 and last 4, and never the birth date', () => {
    fc.assert(
      fc.property(validIdCard, (id) => {
        const masked = maskIdCard(id);
        expect(masked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
        expect(masked).not.toContain(id.slice(6, 14));
      }),
    );
    fc.assert(fc.property(anyText, (text) => visible(maskIdCard(text)).length <= 10));
  });

  it('a mobile shows at most 7 digits; anything shows at most what its rule allows', () => {
    const limits = {
      mobile: 7,
      phone: 7,
      bank_card: 10,
      name: 2,
      hidden: hiddenPlaceholder.length,
      secret: hiddenPlaceholder.length,
    } as const;
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(limits) as Array<keyof typeof limits>)), anyText, (rule, text) => {
        expect(visible(maskValue(rule, text)!).length).toBeLessThanOrEqual(limits[rule]);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        expect(maskMobile(phone)).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      }),
    );
  });

  it('a name keeps its length, shows at most two characters, each in its own place', () => {
    fc.assert(
      fc.property(fc.oneof(hanName, anyText), (name) => {
        const chars = [...name.trim()];
        const masked = [...maskName(name)];
        expect(masked.length).toBe(chars.length);
        const shown = masked.map((char, i) => [char, i] as const).filter(([char]) => char !== '*');
        expect(shown.length).toBeLessThanOrEqual(2);
        for (const [char, i] of shown) expect(chars[i]).toBe(char);
      }),
    );
  });

  it('an address never shows a digit, and what it shows is the start of the address', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc
            .array(
              fc.constantFrom('湖南省', '炎陵县', '霞阳镇', '平乐村', '建设路', '12号', '3栋', '小区', '社区', '7'),
              { maxLength: 8 },
            )
            .map((p) => p.join('')),
        ),
        (address) => {
          const masked = maskAddress(address);
          expect(masked).not.toMatch(/[0-9０-９]/);
          const shown = masked.endsWith(addressDetailMask) ? masked.slice(0, -addressDetailMask.length) : masked;
          expect(address.trim().startsWith(shown)).toBe(true);
        },
      ),
    );
  });

  it('an IPv4 address never shows its last octet', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(maskIp(ip)).toBe(`${ip.split('.').slice(0, 3).join('.')}.*`);
      }),
    );
  });

  it('phones and bank cards of other shapes are starred completely', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,11}$/), (digits) => {
        fc.pre(!/^1[3-9]\d{9}$/.test(digits));
        expect(maskPhone(digits)).toMatch(/^(\*+|0\d{2,3}-\*+\d{2})$/);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,11}$/), (digits) => {
        expect(maskBankCard(digits)).toBe('*'.repeat(digits.length));
      }),
    );
  });
});
