import { recordAuditOutside } from '../../../platform/audit/audit.ts';
import { apiKeyActor } from '../../../platform/auth/api-key-actor.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';

/** What a partner's API key must hold to POST service requests (issued by the security administrator). */
export const open311SubmitPermission = 'cases.open311.submit';

/**
 * The partner behind a POST's `api_key` (form field or query, GeoReport v2 §POST Service Request). Missing,
 * malformed, unknown, revoked or expired keys and keys without `cases.open311.submit` are the spec's 403;
 * the last one is audited like the access guard's refusals (AC-08). Put the actor into `ctx` yourself.
 */
export async function actorFromOpen311Key(ctx: Ctx, apiKey: string | undefined): Promise<Actor> {
  const actor = apiKey ? await apiKeyActor(ctx, apiKey.trim()) : null;
  if (!actor) throw new AppError(403, 'invalid_api_key', 'open311.api_key_invalid');
  if (!actor.permissions.has(open311SubmitPermission)) {
    await recordAuditOutside(
      { ...ctx, actor },
      {
        eventType: 'access.denied',
        action: 'POST',
        outcome: 'failure',
        objectType: 'route',
        objectId: 'open311',
        reasonCode: 'missing_permission',
        details: { permission: open311SubmitPermission },
      },
    );
    throw new AppError(403, 'forbidden', 'open311.api_key_not_permitted');
  }
  return actor;
}
