import { recordAuditOutside } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../http/app-error.ts';

/**
 * A record outside the actor's region subtree answers 404 — as if it did not exist (DESIGN rule 1) — but the
 * attempt is a denial and is audited (AC-08). Call it when the scoped lookup found nothing and an unscoped
 * existence check says the record is there.
 */
export async function outOfScope(ctx: Ctx, objectType: string, objectId: string, what: string): Promise<AppError> {
  await recordAuditOutside(ctx, { eventType: 'access.denied', action: 'read', outcome: 'failure', objectType, objectId, reasonCode: 'out_of_scope' });
  return AppError.notFound(what);
}

/** Looks the record up in scope; when absent, tells a real absence from an out-of-scope record (audited). */
export async function requireInScope<T>(
  ctx: Ctx,
  ref: { objectType: string; objectId: string; what: string },
  inScope: () => Promise<T | undefined>,
  existsAnywhere: () => Promise<boolean>,
): Promise<T> {
  const found = await inScope();
  if (found !== undefined) return found;
  if (await existsAnywhere()) throw await outOfScope(ctx, ref.objectType, ref.objectId, ref.what);
  throw AppError.notFound(ref.what);
}
