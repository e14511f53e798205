import { blindIndex } from './blind-index.ts';
import { decryptField, encryptField } from './field-crypto.ts';
import type { Keyring } from './keyring.ts';
import type { PiiField } from './pii-field.ts';
import { encryptionContextOf, piiField } from './registry.ts';

/**
 * Encryption by registered column: what stores call, so nobody spells an encryption context by hand and a
 * column cannot be encrypted without being in the PI registry (PI-01). For example:
 *
 *   const sealed = sealColumnValue(ctx.keyring, 'app_user', 'phone_enc', input.phone);
 *   // → { value: 'v1.k….…', blindIndex: '9f3c…' }: write them to phone_enc and phone_hmac
 */

export class UnregisteredColumnError extends Error {
  constructor(table: string, column: string, what: string) {
    super(`${table}.${column} is not registered as ${what} in the PI registry (server/platform/pii)`);
    this.name = 'UnregisteredColumnError';
  }
}

export interface SealedValue {
  /** The envelope for the encrypted column. */
  value: string;
  /** The blind index for `field.blindIndexColumn`, when the column has one. */
  blindIndex: string | null;
}

export function sealColumnValue(keyring: Keyring, table: string, column: string, plaintext: string): SealedValue {
  const field = encryptedField(table, column);
  const value = encryptField(keyring, plaintext, encryptionContextOf(field));
  return { value, blindIndex: field.blindIndexKind ? blindIndex(keyring, field.blindIndexKind, plaintext) : null };
}

export function encryptColumnValue(keyring: Keyring, table: string, column: string, plaintext: string): string {
  return encryptField(keyring, plaintext, encryptionContextOf(encryptedField(table, column)));
}

export function decryptColumnValue(keyring: Keyring, table: string, column: string, envelope: string): string {
  return decryptField(keyring, envelope, encryptionContextOf(encryptedField(table, column)));
}

/** The index to search an encrypted column by: `where phone_hmac = blindIndexOf(keyring, 'app_user', 'phone_enc', q)`. */
export function blindIndexOf(keyring: Keyring, table: string, column: string, value: string): string {
  const field = encryptedField(table, column);
  if (!field.blindIndexKind) throw new UnregisteredColumnError(table, column, 'having a blind index');
  return blindIndex(keyring, field.blindIndexKind, value);
}

function encryptedField(table: string, column: string): PiiField {
  const field = piiField(table, column);
  if (!field?.encrypted) throw new UnregisteredColumnError(table, column, 'encrypted');
  return field;
}
