import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { appRole, appUser, userRole } from '../../db/schema/identity.ts';
import type { RoleDefinition } from '../access/roles.ts';
import type { Db } from '../db/database.ts';

/** Writes the built-in roles (with the modules' grants) so the database always matches the code. */
export async function upsertBuiltinRoles(db: Db, regionCode: string, roles: readonly RoleDefinition[]): Promise<void> {
  for (const role of roles) {
    const values = {
      regionCode,
      key: role.key,
      nameZh: role.nameZh,
      nameEn: role.nameEn,
      permissions: [...role.permissions],
      builtin: true,
      adminKind: role.adminKind,
      requiresMfa: role.requiresMfa,
    };
    await db
      .insert(appRole)
      .values(values)
      .onConflictDoUpdate({
        target: [appRole.regionCode, appRole.key],
        set: { ...values, regionCode: undefined, key: undefined },
      });
  }
}

export type RoleRow = typeof appRole.$inferSelect;

/** A role that is not built in (tests grant ad-hoc permissions through one). */
export async function insertCustomRole(
  db: Db,
  regionCode: string,
  role: { key: string; nameZh: string; nameEn: string; permissions: readonly string[] },
): Promise<void> {
  await db.insert(appRole).values({ regionCode, ...role, permissions: [...role.permissions] });
}

export async function listRoles(db: Db, regionCode: string): Promise<RoleRow[]> {
  return db.select().from(appRole).where(eq(appRole.regionCode, regionCode)).orderBy(appRole.builtin, appRole.key);
}

export async function findRoles(db: Db, regionCode: string, keys: readonly string[]): Promise<RoleRow[]> {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(appRole)
    .where(and(eq(appRole.regionCode, regionCode), inArray(appRole.key, [...keys])));
}

/** A user's roles, at sign-in and in administration; a signed-in request gets them with its session (sessions.store.ts). */
export async function rolesOfUser(db: Db, regionCode: string, userId: string): Promise<RoleRow[]> {
  const rows = await db
    .select({ role: appRole })
    .from(userRole)
    .innerJoin(appRole, and(eq(appRole.regionCode, userRole.regionCode), eq(appRole.key, userRole.roleKey)))
    .where(and(eq(userRole.regionCode, regionCode), eq(userRole.userId, userId)));
  return rows.map((r) => r.role);
}

export async function grantRole(
  db: Db,
  regionCode: string,
  userId: string,
  roleKey: string,
  grantedBy: string | null,
  now: Date,
) {
  await db.insert(userRole).values({ regionCode, userId, roleKey, grantedBy, grantedAt: now }).onConflictDoNothing();
}

export async function revokeRole(db: Db, regionCode: string, userId: string, roleKey: string): Promise<boolean> {
  const removed = await db
    .delete(userRole)
    .where(and(eq(userRole.regionCode, regionCode), eq(userRole.userId, userId), eq(userRole.roleKey, roleKey)))
    .returning({ key: userRole.roleKey });
  return removed.length > 0;
}

/** How many users hold any role of this administrator kind (the last sec admin may not be removed). */
export async function countHoldersOfAdminKind(db: Db, regionCode: string, adminKind: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(distinct ${userRole.userId})::int` })
    .from(userRole)
    .innerJoin(appRole, and(eq(appRole.regionCode, userRole.regionCode), eq(appRole.key, userRole.roleKey)))
    .where(and(eq(userRole.regionCode, regionCode), eq(appRole.adminKind, adminKind as 'sys')));
  return Number(rows[0]?.n ?? 0);
}

/** Whether an active account with a password holds a system-administrator role (AUTH-01 start check). */
export async function hasActiveSystemAdministrator(db: Db, regionCode: string): Promise<boolean> {
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .innerJoin(userRole, and(eq(userRole.regionCode, appUser.regionCode), eq(userRole.userId, appUser.id)))
    .innerJoin(appRole, and(eq(appRole.regionCode, userRole.regionCode), eq(appRole.key, userRole.roleKey)))
    .where(
      and(
        eq(appUser.regionCode, regionCode),
        eq(appRole.adminKind, 'sys'),
        eq(appUser.status, 'active'),
        isNotNull(appUser.passwordHash),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Role keys of many users in one query (account lists). */
export async function roleKeysOfUsers(
  db: Db,
  regionCode: string,
  userIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: userRole.userId, roleKey: userRole.roleKey })
    .from(userRole)
    .where(and(eq(userRole.regionCode, regionCode), inArray(userRole.userId, [...userIds])))
    .orderBy(userRole.roleKey);
  for (const row of rows) byUser.get(row.userId)?.push(row.roleKey);
  return byUser;
}
