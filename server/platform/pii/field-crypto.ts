import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring.ts';

/**
 * Field-level encryption of personal data (DATA-02). A value is stored as one self-describing text:
 *
 *   v1.<keyId>.<iv>.<tag>.<ciphertext>      (base64url parts)
 *
 * The version names the scheme, so another one (SM4-GCM for 密评, say `s1`) can be added beside `v1` and old
 * values keep decrypting. The key id names the keyring key, so rotation can find what is not yet on the active
 * key. The `context` (conventionally '<table>.<column>', see `columnContext`) is bound as additional
 * authenticated data together with the version and key id: a ciphertext copied into another column, or
 * relabelled with another key id, fails authentication instead of decrypting.
 */

/** One authenticated-encryption scheme. Adding SM4-GCM means adding an entry to `schemes`, nothing else. */
interface FieldScheme {
  readonly ivBytes: number;
  encrypt(key: Buffer, iv: Buffer, plaintext: Buffer, aad: Buffer): { ciphertext: Buffer; tag: Buffer };
  decrypt(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer;
}

const TAG_BYTES = 16;

/** AES-256-GCM (NIST SP 800-38D) with a fresh random 96-bit IV per value and a 128-bit tag. */
const aes256gcm: FieldScheme = {
  ivBytes: 12,
  encrypt(key, iv, plaintext, aad) {
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { ciphertext, tag: cipher.getAuthTag() };
  },
  decrypt(key, iv, ciphertext, tag, aad) {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  },
};

const schemes: Readonly<Record<string, FieldScheme>> = { v1: aes256gcm };

/** The scheme new values are written with. */
export const currentScheme = 'v1';

export type FieldDecryptReason = 'format' | 'unknown_scheme' | 'unknown_key' | 'authentication';

/**
 * The stored value cannot be turned back into plaintext. The message names the reason and the context only:
 * never the envelope or the plaintext, so it is safe to log.
 */
export class FieldDecryptError extends Error {
  constructor(
    readonly reason: FieldDecryptReason,
    readonly context: string,
  ) {
    super(`cannot decrypt ${context}: ${reason}`);
    this.name = 'FieldDecryptError';
  }
}

/** Envelope parts are separated by '.', so a key id may not contain one (keyring ids are like 'k20260302'). */
const keyIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The conventional encryption context of a column: what the registry and key rotation use. */
export function columnContext(table: string, column: string): string {
  return `${table}.${column}`;
}

export function encryptField(keyring: Keyring, plaintext: string, context: string): string {
  const keyId = keyring.activeKeyId;
  if (!keyIdPattern.test(keyId)) throw new Error(`key id "${keyId}" must match ${keyIdPattern}`);
  const scheme = schemes[currentScheme]!;
  const iv = randomBytes(scheme.ivBytes);
  const aad = additionalData(currentScheme, keyId, context);
  const { ciphertext, tag } = scheme.encrypt(keyring.encryptionKey(keyId), iv, Buffer.from(plaintext, 'utf8'), aad);
  return [currentScheme, keyId, b64url(iv), b64url(tag), b64url(ciphertext)].join('.');
}

export function decryptField(keyring: Keyring, envelope: string, context: string): string {
  const parts = parseEnvelope(envelope);
  if (!parts) throw new FieldDecryptError('format', context);
  const scheme = schemes[parts.version];
  if (!scheme) throw new FieldDecryptError('unknown_scheme', context);
  if (!keyring.keyIds.includes(parts.keyId)) throw new FieldDecryptError('unknown_key', context);
  if (parts.iv.length !== scheme.ivBytes || parts.tag.length !== TAG_BYTES)
    throw new FieldDecryptError('format', context);
  const aad = additionalData(parts.version, parts.keyId, context);
  try {
    return scheme
      .decrypt(keyring.encryptionKey(parts.keyId), parts.iv, parts.ciphertext, parts.tag, aad)
      .toString('utf8');
  } catch {
    throw new FieldDecryptError('authentication', context);
  }
}

/** The key id a stored value was encrypted with, or null when the text is not an envelope. */
export function keyIdOf(envelope: string): string | null {
  return parseEnvelope(envelope)?.keyId ?? null;
}

/** Looks like an envelope (shape only; decryption alone proves it is genuine). */
export function isFieldEnvelope(value: string): boolean {
  return parseEnvelope(value) !== null;
}

/** Decrypts with whatever key the value names and encrypts again with the active key (key rotation). */
export function reencryptField(keyring: Keyring, envelope: string, context: string): string {
  return encryptField(keyring, decryptField(keyring, envelope, context), context);
}

interface EnvelopeParts {
  version: string;
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

const b64urlPart = /^[A-Za-z0-9_-]*$/;

function parseEnvelope(envelope: string): EnvelopeParts | null {
  if (typeof envelope !== 'string') return null;
  const parts = envelope.split('.');
  if (parts.length !== 5) return null;
  const [version = '', keyId = '', iv = '', tag = '', ciphertext = ''] = parts;
  if (!/^[a-z][a-z0-9]{0,7}$/.test(version) || !keyIdPattern.test(keyId)) return null;
  if (![iv, tag, ciphertext].every((part) => b64urlPart.test(part))) return null;
  return {
    version,
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
}

/** Version and key id are authenticated too: relabelling a value's key or scheme breaks its tag. */
function additionalData(version: string, keyId: string, context: string): Buffer {
  return Buffer.from(`${version}.${keyId}.${context}`, 'utf8');
}

function b64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}
