import { randomUUID } from 'node:crypto';
import { integrationPermissions } from '../../access/integration-permissions.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { tx } from '../../db/tx.ts';
import { AppError } from '../../http/app-error.ts';
import { isInSubtree } from '../../regions/region-scope.ts';
import { newApiKey } from '../api-key-token.ts';
import { type ApiKeyRow, insertApiKey, revokeApiKey } from '../api-keys.store.ts';
import type { CreateApiKeyInput } from './api-keys.schema.ts';

/**
 * A key carries integration permissions only (issue 9 item 2): a made-up permission (not in `known`, the
 * permission catalogue) and a person's one (reveal, export, administration — 三员分立) are refused on the entry
 * that names them.
 */
function checkKeyPermissions(known: ReadonlySet<string>, permissions: readonly string[]): void {
  const allowed = integrationPermissions();
  permissions.forEach((permission, index) => {
    if (!known.has(permission))
      throw AppError.field(`permissions.${index}`, 'apikeys.permission_unknown', { permission });
    if (!allowed.has(permission))
      throw AppError.field(`permissions.${index}`, 'apikeys.permission_needs_person', { permission });
  });
}

/** Creates a key inside the actor's scope, audited; answers the row and the key itself (shown once). */
export async function createApiKey(
  ctx: Ctx,
  input: CreateApiKeyInput,
  known: ReadonlySet<string>,
): Promise<{ row: ApiKeyRow; key: string }> {
  checkKeyPermissions(known, input.permissions);
  if (!isInSubtree(input.scopeRegion, ctx.actor!.scopeRegion))
    throw AppError.field('scopeRegion', 'users.scope_outside');
  const generated = newApiKey();
  const row: ApiKeyRow = {
    regionCode: ctx.countyCode,
    id: randomUUID(),
    name: input.name,
    keyPrefix: generated.prefix,
    secretHash: generated.secretHash,
    permissions: input.permissions,
    scopeRegion: input.scopeRegion,
    createdBy: ctx.actor!.id,
    createdAt: ctx.clock(),
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    revokedAt: null,
    lastUsedAt: null,
  };
  await tx(ctx, async (t) => {
    await insertApiKey(t.db, row);
    const details = { permissions: input.permissions };
    await recordAudit(t, {
      eventType: 'apikeys.create',
      action: 'create',
      objectType: 'api_key',
      objectId: row.id,
      details,
    });
  });
  return { row, key: generated.key };
}

/** Revokes a key, audited; 404 when the county has no such key. */
export async function revokeApiKeyAudited(ctx: Ctx, id: string): Promise<void> {
  await tx(ctx, async (t) => {
    if (!(await revokeApiKey(t.db, t.countyCode, id, t.clock()))) throw AppError.notFound('what.api_key');
    await recordAudit(t, { eventType: 'apikeys.revoke', action: 'revoke', objectType: 'api_key', objectId: id });
  });
}
