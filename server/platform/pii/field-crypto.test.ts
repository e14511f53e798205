import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decryptField,
  encryptField,
  FieldDecryptError,
  isFieldEnvelope,
  keyIdOf,
  reencryptField,
} from './field-crypto.ts';
import { keyringFromJson, testKeyring } from './keyring.ts';

const keyring = testKeyring();
const context = 'app_user.phone_enc';

/** The test keyring with the other key active: values written before a rotation. */
const olderKeyring = keyringFromJson({
  active: 'test0',
  keys: { test1: Buffer.alloc(32, 1).toString('base64'), test0: Buffer.alloc(32, 2).toString('base64') },
  blindIndex: Buffer.alloc(32, 3).toString('base64'),
});

function expectDecryptError(run: () => unknown, reason: FieldDecryptError['reason']) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldDecryptError);
    expect((error as FieldDecryptError).reason).toBe(reason);
    return;
  }
  throw new Error('expected a FieldDecryptError');
}

/** Replaces one '.'-separated part of an envelope. */
function withPart(envelope: string, index: number, change: (part: string) => string): string {
  const parts = envelope.split('.');
  parts[index] = change(parts[index]!);
  return parts.join('.');
}

function flipFirstByte(b64url: string): string {
  const bytes = Buffer.from(b64url, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString('base64url');
}

describe('field encryption: what must fail', () => {
  const envelope = encryptField(keyring, '13812345678', context);

  it('a value copied into another column does not decrypt there (context is bound)', () => {
    expectDecryptError(() => decryptField(keyring, envelope, 'app_user.mfa_secret_enc'), 'authentication');
  });

  it('a changed ciphertext, tag or IV fails authentication', () => {
    for (const index of [2, 3, 4])
      expectDecryptError(
        () => decryptField(keyring, withPart(envelope, index, flipFirstByte), context),
        'authentication',
      );
  });

  it('relabelling the key id fails even when the other key exists', () => {
    expectDecryptError(
      () =>
        decryptField(
          keyring,
          withPart(envelope, 1, () => 'test0'),
          context,
        ),
      'authentication',
    );
  });

  it('an unknown key id or scheme is named as such', () => {
    expectDecryptError(
      () =>
        decryptField(
          keyring,
          withPart(envelope, 1, () => 'gone'),
          context,
        ),
      'unknown_key',
    );
    expectDecryptError(
      () =>
        decryptField(
          keyring,
          withPart(envelope, 0, () => 'v9'),
          context,
        ),
      'unknown_scheme',
    );
  });

  it('plaintext, truncated or malformed values are format errors', () => {
    for (const bad of [
      '13812345678',
      '',
      'v1.test1',
      `${envelope}.x`,
      envelope.replace(/\.[^.]+$/, '.!!!'),
      withPart(envelope, 2, () => 'AAAA'),
    ]) {
      expectDecryptError(() => decryptField(keyring, bad, context), 'format');
    }
  });

  it('the error message names neither the value nor the plaintext (safe to log)', () => {
    try {
      decryptField(keyring, envelope, 'other.column');
    } catch (error) {
      expect(String((error as Error).message)).toBe('cannot decrypt other.column: authentication');
    }
  });
});

describe('field encryption', () => {
  it('writes v1.<keyId>.<iv>.<tag>.<ciphertext> with the active key and a fresh IV each time', () => {
    const a = encryptField(keyring, '13812345678', context);
    const b = encryptField(keyring, '13812345678', context);
    expect(a).toMatch(/^v1\.test1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(keyIdOf(a)).toBe('test1');
    expect(isFieldEnvelope(a)).toBe(true);
    expect(keyIdOf('13812345678')).toBeNull();
  });

  it('round-trips any text, Chinese and empty included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom(context, 'person.id_card_enc', 'x'),
        (text, ctx) => {
          // Text is stored as UTF-8, so a lone surrogate comes back as U+FFFD, as it would from the database.
          const asUtf8 = Buffer.from(text, 'utf8').toString('utf8');
          expect(decryptField(keyring, encryptField(keyring, text, ctx), ctx)).toBe(asUtf8);
        },
      ),
    );
    expect(decryptField(keyring, encryptField(keyring, '湖南省株洲市炎陵县霞阳镇', context), context)).toBe(
      '湖南省株洲市炎陵县霞阳镇',
    );
  });

  it('values on an older key still decrypt, and re-encryption moves them to the active key', () => {
    const old = encryptField(olderKeyring, '430225199001011234', context);
    expect(keyIdOf(old)).toBe('test0');
    expect(decryptField(keyring, old, context)).toBe('430225199001011234');
    const fresh = reencryptField(keyring, old, context);
    expect(keyIdOf(fresh)).toBe('test1');
    expect(decryptField(keyring, fresh, context)).toBe('430225199001011234');
  });
});
