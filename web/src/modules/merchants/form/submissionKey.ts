/**
 * A registration's Idempotency-Key: 128 random bits in hex, which the server's key pattern accepts
 * (`[A-Za-z0-9_\-:.]{8,128}`). `getRandomValues`, not `randomUUID`: the latter exists only in secure contexts, and a
 * county intranet served over plain HTTP is not one.
 */
export function newSubmissionKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
