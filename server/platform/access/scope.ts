import { recordAuditOutside } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { isInSubtree } from '../regions/region-scope.ts';

/**
 * "Not found", the same for a record that is not there and one outside the actor's scope. With `field`, the
 * request field that named it carries the message too (a second record named in the body, not the path).
 */
export function notFoundAt(what: string, field?: string): AppError {
  if (!field) return AppError.notFound(what);
  return new AppError(
    404,
    'not_found',
    'error.not_found',
    { what },
    { [field]: { key: 'error.not_found', vars: { what } } },
  );
}

/**
 * A record outside the actor's region subtree answers 404 — as if it did not exist (DESIGN rule 1) — but the
 * attempt is a denial and is audited (AC-08). Call it when the scoped lookup found nothing and an unscoped
 * existence check says the record is there.
 */
export async function outOfScope(
  ctx: Ctx,
  objectType: string,
  objectId: string,
  what: string,
  field?: string,
): Promise<AppError> {
  await recordAuditOutside(ctx, {
    eventType: 'access.denied',
    action: 'read',
    outcome: 'failure',
    objectType,
    objectId,
    reasonCode: 'out_of_scope',
  });
  return notFoundAt(what, field);
}

/** Looks the record up in scope; when absent, tells a real absence from an out-of-scope record (audited). */
export async function requireInScope<T>(
  ctx: Ctx,
  ref: { objectType: string; objectId: string; what: string; field?: string },
  inScope: () => Promise<T | undefined>,
  existsAnywhere: () => Promise<boolean>,
): Promise<T> {
  const found = await inScope();
  if (found !== undefined) return found;
  if (await existsAnywhere()) throw await outOfScope(ctx, ref.objectType, ref.objectId, ref.what, ref.field);
  throw notFoundAt(ref.what, ref.field);
}

/**
 * County-wide settings (time limits, departments, routing of the whole county) are for people whose scope covers
 * the county: a township's staff may not change what every township works by. Refused with an audited 403 —
 * the settings exist for everyone, so there is nothing a 404 would hide.
 */
export async function requireCountyWideScope(ctx: Ctx, ref: { objectType: string; objectId: string }): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw AppError.unauthenticated();
  if (isInSubtree(ctx.countyCode, actor.scopeRegion)) return;
  await recordAuditOutside(ctx, {
    eventType: 'access.denied',
    action: 'update',
    outcome: 'failure',
    objectType: ref.objectType,
    objectId: ref.objectId,
    reasonCode: 'scope_too_narrow',
  });
  throw AppError.forbidden();
}
