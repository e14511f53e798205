/**
 * The Idempotency-Key of a report. One submission keeps one key across every retry, so a report whose answer
 * was lost to a timeout is stored once; a changed report gets a new key (the server refuses a key reused for a
 * different body).
 */
export function newIdempotencyKey(): string {
  // randomUUID exists only in secure contexts; a county intranet served over plain HTTP is not one.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Remembers the key of the last body sent: the same body again (a retry) reuses it. */
export function submissionKeys(makeKey: () => string = newIdempotencyKey) {
  let last: { body: string; key: string } | undefined;
  return {
    keyFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (last?.body !== text) last = { body: text, key: makeKey() };
      return last.key;
    },
  };
}
