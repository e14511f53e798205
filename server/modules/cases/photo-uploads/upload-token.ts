import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * What an upload id says about its owner. A signed-in person's upload is a bare UUID, matched against the
 * person who sends it. A citizen has no account, so the id carries its own secret (`<uuid>.<secret>`): only
 * the phone that uploaded the photo knows it, and the database keeps its hash.
 */
export type UploadToken = { id: string; secret: null } | { id: string; secret: string };

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** 16 random bytes in base64url. */
const secretPart = '[A-Za-z0-9_-]{22}';
export const uploadIdPattern = `^${uuid}(\\.${secretPart})?$`;
const uploadIdRegex = new RegExp(uploadIdPattern);

export function newStaffUploadToken(): UploadToken {
  return { id: randomUUID(), secret: null };
}

export function newCitizenUploadToken(): UploadToken {
  return { id: randomUUID(), secret: randomBytes(16).toString('base64url') };
}

export function formatUploadId(token: UploadToken): string {
  return token.secret === null ? token.id : `${token.id}.${token.secret}`;
}

/** An upload id as the client sent it, or null when it is not one (the schema's pattern already refuses most). */
export function parseUploadId(value: string): UploadToken | null {
  if (!uploadIdRegex.test(value)) return null;
  const [id, secret] = value.split('.');
  return { id: id!, secret: secret ?? null };
}

export function uploadSecretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
