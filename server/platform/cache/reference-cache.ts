import type { Ctx } from '../context.ts';
import type { Database } from '../db/database.ts';

interface Entry {
  expiresAt: number;
  value: Promise<unknown>;
}

/** Per open database (tests each have their own), so one test file never sees another's reference data. */
const caches = new WeakMap<Database, Map<string, Entry>>();

/**
 * Reference data every write reads (the category's limits, the working calendar, the county policy), kept for a
 * few seconds in the process. A case report otherwise spends most of its queries re-reading the same rows.
 * Edits made through this process invalidate at once (after their transaction); another server process sees
 * them within `ttlMs`. Reference data is never written by the transactions that read it here.
 */
export function cachedReference<T>(ctx: Ctx, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(ctx.database);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.database, cache);
  }
  const now = Date.now();
  const hit = cache.get(`${ctx.countyCode}/${key}`);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
  const value = load();
  cache.set(`${ctx.countyCode}/${key}`, { expiresAt: now + ttlMs, value });
  // A failed load must not be served from the cache.
  value.catch(() => cache.delete(`${ctx.countyCode}/${key}`));
  return value;
}

/** Forgets cached entries whose key starts with `prefix` (all of the county's when omitted). */
export function invalidateReference(ctx: Ctx, prefix = ''): void {
  const cache = caches.get(ctx.database);
  if (!cache) return;
  for (const key of cache.keys()) if (key.startsWith(`${ctx.countyCode}/${prefix}`)) cache.delete(key);
}
