import { and, asc, eq, ilike, isNull, lt, or, sql } from 'drizzle-orm';
import { appUser } from '../../db/schema/identity.ts';
import type { Db } from '../db/database.ts';
import { regionSubtree } from '../regions/region-scope.sql.ts';

export type UserRow = typeof appUser.$inferSelect;
export type NewUser = typeof appUser.$inferInsert;

/** Login ids compare case-insensitively and ignore surrounding space (one person, one account). */
export function loginKeyOf(loginId: string): string {
  return loginId.trim().normalize('NFKC').toLowerCase();
}

export async function findUserByLogin(db: Db, regionCode: string, loginId: string): Promise<UserRow | undefined> {
  const rows = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.regionCode, regionCode), eq(appUser.loginKey, loginKeyOf(loginId))))
    .limit(1);
  return rows[0];
}

export async function findUserById(db: Db, regionCode: string, id: string): Promise<UserRow | undefined> {
  const rows = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.regionCode, regionCode), eq(appUser.id, id)))
    .limit(1);
  return rows[0];
}

/** Display names of accounts of the county, by id (the people a case timeline names), in one query. */
export async function userNamesOf(db: Db, regionCode: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: appUser.id, name: appUser.displayName })
    .from(appUser)
    .where(and(eq(appUser.regionCode, regionCode), sql`${appUser.id} in ${unique}`));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A user the actor may see: inside the actor's region subtree, else undefined (answered as 404). */
export async function findUserInScope(
  db: Db,
  regionCode: string,
  id: string,
  scopeRoot: string,
): Promise<UserRow | undefined> {
  const rows = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.regionCode, regionCode), eq(appUser.id, id), regionSubtree(appUser.scopeRegion, scopeRoot)))
    .limit(1);
  return rows[0];
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  const [row] = await db.insert(appUser).values(user).returning();
  return row!;
}

export async function updateUser(db: Db, regionCode: string, id: string, changes: Partial<NewUser>): Promise<void> {
  await db
    .update(appUser)
    .set(changes)
    .where(and(eq(appUser.regionCode, regionCode), eq(appUser.id, id)));
}

/**
 * Accepts a TOTP step only if it is later than the last one accepted, in one statement, so two parallel
 * requests with the same code cannot both pass (ASVS 2.8.4: single use). Enrolment also switches MFA on.
 */
export async function acceptMfaStep(
  db: Db,
  regionCode: string,
  id: string,
  step: number,
  now: Date,
  enabling: boolean,
): Promise<boolean> {
  const rows = await db
    .update(appUser)
    .set({ mfaLastStep: step, ...(enabling ? { mfaEnabledAt: now } : {}), updatedAt: now })
    .where(
      and(
        eq(appUser.regionCode, regionCode),
        eq(appUser.id, id),
        or(isNull(appUser.mfaLastStep), lt(appUser.mfaLastStep, step)),
      ),
    )
    .returning({ id: appUser.id });
  return rows.length > 0;
}

export interface UserListQuery {
  scopeRoot: string;
  q?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
  limit: number;
  offset: number;
}

export async function listUsers(
  db: Db,
  regionCode: string,
  query: UserListQuery,
): Promise<{ items: UserRow[]; total: number }> {
  const text = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    eq(appUser.regionCode, regionCode),
    regionSubtree(appUser.scopeRegion, query.scopeRoot),
    query.status ? eq(appUser.status, query.status) : undefined,
    text ? or(ilike(appUser.loginId, text), ilike(appUser.displayName, text)) : undefined,
  );
  const [items, counted] = await Promise.all([
    db.select().from(appUser).where(where).orderBy(asc(appUser.loginKey)).limit(query.limit).offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(appUser).where(where),
  ]);
  return { items, total: Number(counted[0]?.n ?? 0) };
}
