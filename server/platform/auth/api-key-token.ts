import { timingSafeEqual } from 'node:crypto';
import { newToken, tokenHash } from './tokens.ts';

/**
 * API keys look like `wm_<prefix>_<secret>`: the prefix finds the row (and is shown in lists), the secret is
 * compared by its SHA-256. Keys are 256-bit random, so a fast hash is enough (no password-style stretching).
 */
export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = newToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const secret = newToken(32);
  return { key: `wm_${prefix}_${secret}`, prefix, secretHash: tokenHash(secret) };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = /^wm_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{20,100})$/.exec(key);
  return match ? { prefix: match[1]!, secret: match[2]! } : null;
}

export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(tokenHash(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
