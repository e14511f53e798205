import { and, asc, eq, or } from 'drizzle-orm';
import { casesDepartment, casesRoute } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';

export type DepartmentRow = typeof casesDepartment.$inferSelect;

export async function listDepartments(db: Db, regionCode: string): Promise<DepartmentRow[]> {
  return db
    .select()
    .from(casesDepartment)
    .where(eq(casesDepartment.regionCode, regionCode))
    .orderBy(asc(casesDepartment.sortOrder), asc(casesDepartment.key));
}

export async function findDepartment(db: Db, regionCode: string, key: string): Promise<DepartmentRow | undefined> {
  return (
    await db
      .select()
      .from(casesDepartment)
      .where(and(eq(casesDepartment.regionCode, regionCode), eq(casesDepartment.key, key)))
  )[0];
}

/** The department a code goes to at a place: a township rule beats the county-wide one. */
export async function routeFor(
  db: Db,
  regionCode: string,
  categoryCode: string,
  townshipCode: string,
): Promise<string | null> {
  const rows = await db
    .select({ areaCode: casesRoute.areaCode, department: casesRoute.department })
    .from(casesRoute)
    .where(
      and(
        eq(casesRoute.regionCode, regionCode),
        eq(casesRoute.categoryCode, categoryCode),
        or(eq(casesRoute.areaCode, ''), eq(casesRoute.areaCode, townshipCode)),
      ),
    );
  const best = rows.sort((a, b) => b.areaCode.length - a.areaCode.length)[0];
  return best?.department ?? null;
}

export async function upsertDepartments(
  db: Db,
  regionCode: string,
  rows: ReadonlyArray<Omit<DepartmentRow, 'regionCode' | 'headUserId'>>,
): Promise<void> {
  for (const row of rows) {
    await db
      .insert(casesDepartment)
      .values({ regionCode, ...row })
      .onConflictDoUpdate({
        target: [casesDepartment.regionCode, casesDepartment.key],
        set: { titleZh: row.titleZh, titleEn: row.titleEn, active: row.active, sortOrder: row.sortOrder },
      });
  }
}

/** Names (or clears) a department's head, whom 督办 reaches; false when there is no such department. */
export async function setDepartmentHead(
  db: Db,
  regionCode: string,
  key: string,
  headUserId: string | null,
): Promise<boolean> {
  const rows = await db
    .update(casesDepartment)
    .set({ headUserId })
    .where(and(eq(casesDepartment.regionCode, regionCode), eq(casesDepartment.key, key)))
    .returning({ key: casesDepartment.key });
  return rows.length > 0;
}

export async function upsertRoutes(
  db: Db,
  regionCode: string,
  rows: ReadonlyArray<{ categoryCode: string; areaCode: string; department: string }>,
): Promise<void> {
  for (const row of rows) {
    await db
      .insert(casesRoute)
      .values({ regionCode, ...row })
      .onConflictDoUpdate({
        target: [casesRoute.regionCode, casesRoute.categoryCode, casesRoute.areaCode],
        set: { department: row.department },
      });
  }
}

export type RouteRow = typeof casesRoute.$inferSelect;

/** The county's routing table (code × area → department), by code then area. */
export async function listRoutes(db: Db, regionCode: string): Promise<Omit<RouteRow, 'regionCode'>[]> {
  return db
    .select({ categoryCode: casesRoute.categoryCode, areaCode: casesRoute.areaCode, department: casesRoute.department })
    .from(casesRoute)
    .where(eq(casesRoute.regionCode, regionCode))
    .orderBy(asc(casesRoute.categoryCode), asc(casesRoute.areaCode));
}

/** Removes one rule; the removed row, or undefined when there was none. */
export async function deleteRoute(
  db: Db,
  regionCode: string,
  categoryCode: string,
  areaCode: string,
): Promise<RouteRow | undefined> {
  const deleted = await db
    .delete(casesRoute)
    .where(
      and(
        eq(casesRoute.regionCode, regionCode),
        eq(casesRoute.categoryCode, categoryCode),
        eq(casesRoute.areaCode, areaCode),
      ),
    )
    .returning();
  return deleted[0];
}
