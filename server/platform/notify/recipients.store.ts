import { and, eq, inArray, sql } from 'drizzle-orm';
import { appRole, appUser, userRole } from '../../db/schema/identity.ts';
import type { Db } from '../db/database.ts';
import type { Recipients } from './notice.ts';

/**
 * The active accounts a notice reaches (notice.ts `Recipients`): named ids that exist and are active, the holders
 * of some roles, or the holders of a permission through any of their roles (custom ones too), optionally in one
 * department. Sorted, so that delivery order does not depend on the plan.
 */
export async function resolveRecipients(db: Db, regionCode: string, to: Recipients): Promise<string[]> {
  const active = and(eq(appUser.regionCode, regionCode), eq(appUser.status, 'active'));
  if ('users' in to) {
    if (to.users.length === 0) return [];
    const rows = await db
      .select({ id: appUser.id })
      .from(appUser)
      .where(and(active, inArray(appUser.id, [...new Set(to.users)])));
    return rows.map((row) => row.id).sort();
  }
  if ('roles' in to && to.roles.length === 0) return [];
  const holds =
    'roles' in to
      ? inArray(userRole.roleKey, [...to.roles])
      : sql`${appRole.permissions} @> jsonb_build_array(${to.permission}::text)`;
  const department = 'permission' in to && to.department != null ? eq(appUser.department, to.department) : undefined;
  const within = 'permission' in to && to.within ? sql`starts_with(${to.within}, ${appUser.scopeRegion})` : undefined;
  const rows = await db
    .selectDistinct({ id: appUser.id })
    .from(appUser)
    .innerJoin(userRole, and(eq(userRole.regionCode, appUser.regionCode), eq(userRole.userId, appUser.id)))
    .innerJoin(appRole, and(eq(appRole.regionCode, userRole.regionCode), eq(appRole.key, userRole.roleKey)))
    .where(and(active, holds, department, within));
  return rows.map((row) => row.id).sort();
}
