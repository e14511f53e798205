import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blindIndex, blindIndexKinds, normaliseForIndex } from './blind-index.ts';
import { keyringFromJson, testKeyring } from './keyring.ts';

const keyring = testKeyring();

describe('blind index', () => {
  it('one phone written many ways gives one index', () => {
    const forms = [
      '13812345678',
      '+86 138-1234-5678',
      '0086 138 1234 5678',
      '8613812345678',
      '１３８１２３４５６７８',
      '138—1234—5678',
    ];
    const indexes = new Set(forms.map((form) => blindIndex(keyring, 'phone', form)));
    expect(indexes.size).toBe(1);
    expect([...indexes][0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('landlines normalise to area-subscriber; ID numbers to upper-case X', () => {
    expect(normaliseForIndex('phone', '(0731) 2222 3333')).toBe('0731-22223333');
    expect(blindIndex(keyring, 'phone', '+86 731 22223333')).toBe(blindIndex(keyring, 'phone', '0731-22223333'));
    expect(blindIndex(keyring, 'id_card', '43022519900101123x')).toBe(
      blindIndex(keyring, 'id_card', '430225 19900101 123X'),
    );
  });

  it('different people, kinds or keys give different indexes', () => {
    expect(blindIndex(keyring, 'phone', '13812345678')).not.toBe(blindIndex(keyring, 'phone', '13812345679'));
    expect(blindIndex(keyring, 'phone', '13812345678')).not.toBe(blindIndex(keyring, 'bank_card', '13812345678'));
    const otherKeys = keyringFromJson({
      active: 'a',
      keys: { a: Buffer.alloc(32, 1).toString('base64') },
      blindIndex: Buffer.alloc(32, 9).toString('base64'),
    });
    expect(blindIndex(keyring, 'phone', '13812345678')).not.toBe(blindIndex(otherKeys, 'phone', '13812345678'));
  });

  it('does not depend on the encryption keys, so rotating them keeps every index valid', () => {
    const rotated = keyringFromJson({
      active: 'new',
      keys: { new: Buffer.alloc(32, 7).toString('base64') },
      blindIndex: Buffer.alloc(32, 3).toString('base64'),
    });
    expect(blindIndex(rotated, 'id_card', '430225199001011234')).toBe(
      blindIndex(keyring, 'id_card', '430225199001011234'),
    );
  });

  it('never throws and is deterministic for any input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...blindIndexKinds), fc.string({ unit: 'binary', maxLength: 60 }), (kind, value) => {
        expect(blindIndex(keyring, kind, value)).toBe(blindIndex(keyring, kind, value));
      }),
    );
  });
});
