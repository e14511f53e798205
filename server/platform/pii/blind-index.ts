import { createHmac } from 'node:crypto';
import { validateLandline, validateMobile } from '../validation/mobile.ts';
import { compactCode } from '../validation/text.ts';
import type { Keyring } from './keyring.ts';

/**
 * Blind indexes (DATA-02): a keyed HMAC-SHA-256 of a normalised value, stored beside its ciphertext, so exact
 * lookups and duplicate checks ("is this ID number already registered?") work without decrypting anything.
 * The key is the keyring's blind-index key, which never rotates with the encryption keys: changing it means
 * recomputing every index column.
 *
 * The kind is part of the MAC input, so the same digits as a phone and as a bank card give unrelated indexes.
 * Values are normalised the way the validators read them first: '+86 138-1234-5678' and '13812345678' are one
 * person's phone and must give one index.
 */

const normalisers = {
  /** Mobile → 11 digits; landline → '0731-22223333'; anything else → its compact form. */
  phone(value: string): string {
    const mobile = validateMobile(value);
    if (mobile.ok) return mobile.value;
    const landline = validateLandline(value);
    return landline.ok ? landline.value : compact(value, '-()');
  },
  /** GB 11643: half-width, no spaces or dashes, upper-case check character X. */
  id_card: (value: string) => compact(value, '-').toUpperCase(),
  bank_card: (value: string) => compact(value, '-'),
  email: (value: string) => compact(value).toLowerCase(),
  /** Names: half-width, NFC, no spaces ('张 三' is '张三'), Latin letters in lower case. */
  name: (value: string) => compact(value.normalize('NFC')).toLowerCase(),
  /** Codes such as 医保 numbers or passport numbers: compact and upper-case. */
  code: (value: string) => compact(value, '-').toUpperCase(),
} satisfies Record<string, (value: string) => string>;

export type BlindIndexKind = keyof typeof normalisers;
export const blindIndexKinds = Object.keys(normalisers) as BlindIndexKind[];

/** The form the index is computed over: exported for tests and for code that compares plaintexts. */
export function normaliseForIndex(kind: BlindIndexKind, value: string): string {
  return normalisers[kind](value);
}

/** 64 hex characters. Deterministic by design: that is what makes it searchable, and why the key is secret. */
export function blindIndex(keyring: Keyring, kind: BlindIndexKind, value: string): string {
  return createHmac('sha256', keyring.blindIndexKey)
    .update(`${kind}:${normaliseForIndex(kind, value)}`, 'utf8')
    .digest('hex');
}

function compact(value: string, separators = ''): string {
  return compactCode(value, separators) ?? '';
}
