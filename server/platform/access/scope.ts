import { recordAuditOutside } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';

/**
 * "Not found", the same for a record that is not there and one outside the actor's scope. With `field`, the
 * request field that named it carries the message too (a second record named in the body, not the path).
 */
export function notFoundAt(what: string, field?: string): AppError {
  if (!field) return AppError.notFound(what);
  return new AppError(404, 'not_found', 'error.not_found', { what }, { [field]: { key: 'error.not_found', vars: { what } } });
}

/**
 * A record outside the actor's region subtree answers 404 — as if it did not exist (DESIGN rule 1) — but the
 * attempt is a denial and is audited (AC-08). Call it when the scoped lookup found nothing and an unscoped
 * existence check says the record is there.
 */
export async function outOfScope(ctx: Ctx, objectType: string, objectId: string, what: string, field?: string): Promise<AppError> {
  await recordAuditOutside(ctx, { eventType: 'access.denied', action: 'read', outcome: 'failure', objectType, objectId, reasonCode: 'out_of_scope' });
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
