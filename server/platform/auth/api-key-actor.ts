import { effectiveKeyPermissions } from '../access/integration-permissions.ts';
import type { Actor, Ctx } from '../context.ts';
import { findApiKeyByPrefix, touchApiKey } from './api-keys.store.ts';
import { parseApiKey, secretMatches } from './api-key-token.ts';

/** Writing last_used_at on every request would double the writes; a minute of slack is enough for the admin list. */
const touchEveryMs = 60_000;

/**
 * The actor behind an API key (`wm_<prefix>_<secret>`), or null when the key is malformed, unknown, wrong,
 * revoked or expired. Marks the key used. The Bearer header (identity.ts) and Open311's `api_key` share it.
 * The actor holds only the key's integration permissions: a row written before the allowlist (or by hand)
 * with `pii.reveal` or an administrator's power gets none of them.
 */
export async function apiKeyActor(ctx: Ctx, key: string): Promise<Actor | null> {
  const parsed = parseApiKey(key);
  const row = parsed ? await findApiKeyByPrefix(ctx.db, ctx.countyCode, parsed.prefix) : undefined;
  const now = ctx.clock();
  const usable =
    row &&
    parsed &&
    secretMatches(parsed.secret, row.secretHash) &&
    !row.revokedAt &&
    (!row.expiresAt || row.expiresAt > now);
  if (!usable) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > touchEveryMs)
    await touchApiKey(ctx.db, ctx.countyCode, row.id, now);
  return {
    kind: 'api_key',
    id: row.id,
    username: `apikey:${row.keyPrefix}`,
    displayName: row.name,
    roles: [],
    permissions: new Set(effectiveKeyPermissions(row.permissions)),
    scopeRegion: row.scopeRegion,
    department: null,
    sessionId: null,
  };
}
