import { createHash, randomBytes } from 'node:crypto';

/** A random opaque token (256 bits) and the SHA-256 that is all the database keeps of it. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
