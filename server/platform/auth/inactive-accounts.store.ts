import { and, asc, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import { appRole, appUser, userRole } from '../../db/schema/identity.ts';
import type { Db } from '../db/database.ts';

/**
 * The last sign of life of an account: its last sign-in, else its creation, or an administrator's re-enabling
 * when that is later (so a re-enabled account gets a fresh period instead of being disabled again that night).
 */
const lastActivity = sql`greatest(${appUser.createdAt}, ${appUser.lastLoginAt}, ${appUser.statusChangedAt})`;
const instant = (at: Date) => sql`${at.toISOString()}::timestamptz`;

export interface IdleAccount {
  id: string;
  lastActivityAt: Date;
  warnedAt: Date | null;
}

/** Where a page of idle accounts ends: the next page starts after it (keyset, so a long run never skips). */
export interface IdleCursor {
  lastActivityAt: Date;
  id: string;
}

/**
 * Active accounts with something to do, longest idle first: idle since `disableSince`, or idle since
 * `warnSince` and not warned since their last activity. Accounts already warned do not fill the page, so a
 * thousand accounts imported on one day are all warned on the day they reach the warning.
 */
export async function findIdleAccounts(
  db: Db,
  regionCode: string,
  since: { warnSince: Date; disableSince: Date },
  page: { after: IdleCursor | null; limit: number },
): Promise<IdleAccount[]> {
  const due = or(
    sql`${lastActivity} <= ${instant(since.disableSince)}`,
    sql`(${appUser.inactivityWarnedAt} is null or ${appUser.inactivityWarnedAt} < ${lastActivity})`,
  );
  const after = page.after
    ? sql`(${lastActivity}, ${appUser.id}) > (${instant(page.after.lastActivityAt)}, ${page.after.id}::uuid)`
    : undefined;
  return db
    .select({
      id: appUser.id,
      lastActivityAt: lastActivity.mapWith(appUser.createdAt),
      warnedAt: appUser.inactivityWarnedAt,
    })
    .from(appUser)
    .where(
      and(
        eq(appUser.regionCode, regionCode),
        eq(appUser.status, 'active'),
        sql`${lastActivity} <= ${instant(since.warnSince)}`,
        due,
        after,
      ),
    )
    .orderBy(asc(lastActivity), asc(appUser.id))
    .limit(page.limit);
}

/**
 * Disables the account for inactivity only if it is still active and still idle since `idleSince`, in one
 * statement: a sign-in or a concurrent run in between makes it answer false and change nothing.
 */
export async function disableIdleAccount(
  db: Db,
  regionCode: string,
  id: string,
  idleSince: Date,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(appUser)
    .set({ status: 'disabled', disabledReason: 'inactive', statusChangedAt: now, updatedAt: now })
    .where(and(ownRow(regionCode, id), eq(appUser.status, 'active'), sql`${lastActivity} <= ${instant(idleSince)}`))
    .returning({ id: appUser.id });
  return rows.length > 0;
}

/** Records the warning unless one was sent since the account's last activity (same one-statement guard). */
export async function markInactivityWarned(
  db: Db,
  regionCode: string,
  id: string,
  idleSince: Date,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(appUser)
    .set({ inactivityWarnedAt: now })
    .where(
      and(
        ownRow(regionCode, id),
        eq(appUser.status, 'active'),
        sql`${lastActivity} <= ${instant(idleSince)}`,
        sql`(${appUser.inactivityWarnedAt} is null or ${appUser.inactivityWarnedAt} < ${lastActivity})`,
      ),
    )
    .returning({ id: appUser.id });
  return rows.length > 0;
}

/**
 * The 三员 kinds ('sys', 'sec', 'audit') the account holds and no other active account with a password holds:
 * disabling it would leave the county without that administrator (AUTH-01 refuses to start without a system
 * administrator; roles.policy.ts keeps the last holder of each).
 */
export async function adminKindsHeldAlone(db: Db, regionCode: string, id: string): Promise<string[]> {
  const held = await db
    .select({ kind: appRole.adminKind })
    .from(userRole)
    .innerJoin(appRole, and(eq(appRole.regionCode, userRole.regionCode), eq(appRole.key, userRole.roleKey)))
    .where(and(eq(userRole.regionCode, regionCode), eq(userRole.userId, id), isNotNull(appRole.adminKind)));
  const alone: string[] = [];
  for (const { kind } of held) {
    if (kind && !(await otherActiveHolder(db, regionCode, id, kind))) alone.push(kind);
  }
  return alone;
}

async function otherActiveHolder(db: Db, regionCode: string, id: string, kind: 'sys' | 'sec' | 'audit') {
  const rows = await db
    .select({ id: appUser.id })
    .from(appUser)
    .innerJoin(userRole, and(eq(userRole.regionCode, appUser.regionCode), eq(userRole.userId, appUser.id)))
    .innerJoin(appRole, and(eq(appRole.regionCode, userRole.regionCode), eq(appRole.key, userRole.roleKey)))
    .where(
      and(
        eq(appUser.regionCode, regionCode),
        ne(appUser.id, id),
        eq(appRole.adminKind, kind),
        eq(appUser.status, 'active'),
        isNotNull(appUser.passwordHash),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

function ownRow(regionCode: string, id: string) {
  return and(eq(appUser.regionCode, regionCode), eq(appUser.id, id));
}
