import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { appRole, appUser, userRole, userSession } from '../../db/schema/identity.ts';
import type { Db } from '../db/database.ts';
import { preparedStatement } from '../db/prepared.ts';

export type SessionRow = typeof userSession.$inferSelect;
type UserRow = typeof appUser.$inferSelect;
type RoleRow = typeof appRole.$inferSelect;

export async function insertSession(db: Db, row: typeof userSession.$inferInsert): Promise<void> {
  await db.insert(userSession).values(row);
}

/**
 * A session, its user and the user's roles in one round trip: every signed-in request resolves its session, and
 * each round trip costs both processes a wake-up (bench/results/capacity.json), so the lookup the whole app pays
 * for is one query. Roles are read per request, so a grant or a revocation applies at once. The user is
 * undefined when the account is gone.
 */
export async function findSessionWithUser(
  db: Db,
  regionCode: string,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow | undefined; roles: RoleRow[] } | undefined> {
  const rows = await selectSessionWithUser(db, { regionCode, tokenHash });
  const first = rows[0];
  if (!first) return undefined;
  const roles = rows.flatMap((row) => (row.role ? [row.role] : []));
  return { session: first.session, user: first.user ?? undefined, roles };
}

/** One row per role of the session's user (one with no role when there is none or no user). */
const selectSessionWithUser = preparedStatement<
  { regionCode: string; tokenHash: string },
  Array<{ session: SessionRow; user: UserRow | null; role: RoleRow | null }>
>('auth.session_with_user_roles', (db) =>
  db
    .select({ session: userSession, user: appUser, role: appRole })
    .from(userSession)
    .leftJoin(appUser, and(eq(appUser.regionCode, userSession.regionCode), eq(appUser.id, userSession.userId)))
    .leftJoin(userRole, and(eq(userRole.regionCode, appUser.regionCode), eq(userRole.userId, appUser.id)))
    .leftJoin(appRole, and(eq(appRole.regionCode, userRole.regionCode), eq(appRole.key, userRole.roleKey)))
    .where(
      and(
        eq(userSession.regionCode, sql.placeholder('regionCode')),
        eq(userSession.tokenHash, sql.placeholder('tokenHash')),
      ),
    )
    .orderBy(appRole.key),
);

export async function touchSession(db: Db, regionCode: string, tokenHash: string, now: Date): Promise<void> {
  await db
    .update(userSession)
    .set({ lastSeenAt: now })
    .where(and(eq(userSession.regionCode, regionCode), eq(userSession.tokenHash, tokenHash)));
}

/**
 * Swaps a session's row for its successor (a new token) in the caller's transaction; false when the old row is
 * already gone (ended meanwhile), so a rotation never brings an ended session back.
 */
export async function replaceSession(db: Db, oldTokenHash: string, successor: SessionRow): Promise<boolean> {
  const removed = await db
    .delete(userSession)
    .where(and(eq(userSession.regionCode, successor.regionCode), eq(userSession.tokenHash, oldTokenHash)))
    .returning({ hash: userSession.tokenHash });
  if (removed.length === 0) return false;
  await db.insert(userSession).values(successor);
  return true;
}

export async function deleteSession(db: Db, regionCode: string, tokenHash: string): Promise<void> {
  await db.delete(userSession).where(and(eq(userSession.regionCode, regionCode), eq(userSession.tokenHash, tokenHash)));
}

export async function listSessionsOfUser(db: Db, regionCode: string, userId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(userSession)
    .where(and(eq(userSession.regionCode, regionCode), eq(userSession.userId, userId)))
    .orderBy(desc(userSession.lastSeenAt));
}

/** Removes one session of a user by its public id; false when there is none (→ 404). */
export async function deleteSessionByPublicId(
  db: Db,
  regionCode: string,
  userId: string,
  publicId: string,
): Promise<boolean> {
  const removed = await db
    .delete(userSession)
    .where(
      and(eq(userSession.regionCode, regionCode), eq(userSession.userId, userId), eq(userSession.publicId, publicId)),
    )
    .returning({ id: userSession.publicId });
  return removed.length > 0;
}

/** Ends every session of a user, or every other one when `exceptTokenHash` names the one to keep. */
export async function deleteSessionsOfUser(
  db: Db,
  regionCode: string,
  userId: string,
  exceptTokenHash?: string,
): Promise<number> {
  const rows = await db
    .delete(userSession)
    .where(
      and(
        eq(userSession.regionCode, regionCode),
        eq(userSession.userId, userId),
        exceptTokenHash ? ne(userSession.tokenHash, exceptTokenHash) : undefined,
      ),
    )
    .returning({ hash: userSession.tokenHash });
  return rows.length;
}
