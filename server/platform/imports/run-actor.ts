import { permissionsOf } from '../auth/permissions-of.ts';
import { rolesOfUser } from '../auth/roles.store.ts';
import { findUserById } from '../auth/users.store.ts';
import type { Actor, Ctx } from '../context.ts';
import { type Locale, locales } from '../i18n/locale.ts';
import type { RunRow } from './imports.store.ts';

/**
 * The context a background pass works in: the person who uploaded the run, as they are now (roles and scope
 * re-read, so a revoked permission or a narrowed scope applies to a commit queued before), in the language they
 * uploaded in; null when the account is gone or disabled, and then the run fails.
 */
export async function uploaderCtx(ctx: Ctx, run: RunRow): Promise<Ctx | null> {
  const user = await findUserById(ctx.db, ctx.countyCode, run.createdBy);
  if (user?.status !== 'active') return null;
  const roles = await rolesOfUser(ctx.db, ctx.countyCode, user.id);
  const actor: Actor = {
    kind: 'user',
    id: user.id,
    username: user.loginId,
    displayName: user.displayName,
    roles: roles.map((role) => role.key),
    permissions: permissionsOf(roles, null),
    scopeRegion: user.scopeRegion,
    department: user.department,
    sessionId: null,
  };
  return {
    ...ctx,
    actor,
    locale: (locales as readonly string[]).includes(run.locale) ? (run.locale as Locale) : 'zh',
    requestId: `import-${run.id}`,
  };
}
