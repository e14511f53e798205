import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { appUser, userSession } from '../../db/schema/identity.ts';
import type { Db } from '../db/database.ts';

/**
 * The SQL of 登录失败处理. Every change to the failure count is one UPDATE that reads and writes the row
 * itself, so parallel guesses can neither lose a count nor slip past a lock.
 */

const unlockedAt = (now: Date) => or(isNull(appUser.lockedUntil), lte(appUser.lockedUntil, now));

/**
 * Takes one of the account's failure slots before a credential is checked: the slot number, or null when the
 * account is locked or every slot is taken by checks in flight. A success gives the slots back
 * (`clearFailures`), so at most `threshold` guesses are ever checked between two locks.
 */
export async function claimFailureSlot(
  db: Db,
  regionCode: string,
  userId: string,
  now: Date,
  threshold: number,
): Promise<number | null> {
  const rows = await db
    .update(appUser)
    .set({ failedLogins: sql`${appUser.failedLogins} + 1` })
    .where(
      and(
        eq(appUser.regionCode, regionCode),
        eq(appUser.id, userId),
        unlockedAt(now),
        lt(appUser.failedLogins, threshold),
      ),
    )
    .returning({ failures: appUser.failedLogins });
  return rows[0]?.failures ?? null;
}

/**
 * Counts one failure that was checked without a slot (the sign-in form) and locks at the threshold, in one
 * statement: the SET expressions all read the row as it was. Returns the count and whether it locked.
 */
export async function countFailureAndLock(
  db: Db,
  regionCode: string,
  userId: string,
  threshold: number,
  lockUntil: Date,
) {
  const reaches = sql`${appUser.failedLogins} + 1 >= ${threshold}`;
  const rows = await db
    .update(appUser)
    .set({
      failedLogins: sql`case when ${reaches} then 0 else ${appUser.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reaches} then ${lockUntil.toISOString()}::timestamptz else ${appUser.lockedUntil} end`,
    })
    .where(and(eq(appUser.regionCode, regionCode), eq(appUser.id, userId)))
    .returning({ failures: appUser.failedLogins, lockedUntil: appUser.lockedUntil });
  const row = rows[0];
  const locked = row?.lockedUntil?.getTime() === lockUntil.getTime();
  return { failures: locked ? threshold : (row?.failures ?? 0), locked };
}

export async function lockAccount(db: Db, regionCode: string, userId: string, until: Date): Promise<void> {
  await db
    .update(appUser)
    .set({ failedLogins: 0, lockedUntil: until })
    .where(and(eq(appUser.regionCode, regionCode), eq(appUser.id, userId)));
}

/** A proven credential clears the count; false when the account is locked (a lock set meanwhile wins). */
export async function clearFailures(db: Db, regionCode: string, userId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(appUser)
    .set({ failedLogins: 0 })
    .where(and(eq(appUser.regionCode, regionCode), eq(appUser.id, userId), unlockedAt(now)))
    .returning({ id: appUser.id });
  return rows.length > 0;
}

/** Whether the account is locked right now (read fresh, not from the row the request started with). */
export async function isLocked(db: Db, regionCode: string, userId: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.regionCode, regionCode), eq(appUser.id, userId), unlockedAt(now)))
    .limit(1);
  return rows.length === 0;
}

/** One more wrong code on a pending sign-in; the new count (0 when the session is already gone). */
export async function countSessionMfaFailure(db: Db, regionCode: string, tokenHash: string): Promise<number> {
  const rows = await db
    .update(userSession)
    .set({ mfaFailures: sql`${userSession.mfaFailures} + 1` })
    .where(and(eq(userSession.regionCode, regionCode), eq(userSession.tokenHash, tokenHash)))
    .returning({ failures: userSession.mfaFailures });
  return rows[0]?.failures ?? 0;
}
