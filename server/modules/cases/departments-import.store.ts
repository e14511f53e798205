import { and, eq, inArray, sql } from 'drizzle-orm';
import { casesDepartment } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';

/** Which of these department keys the county already has (the import's duplicate check). */
export async function existingDepartmentKeys(
  db: Db,
  regionCode: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: casesDepartment.key })
    .from(casesDepartment)
    .where(and(eq(casesDepartment.regionCode, regionCode), inArray(casesDepartment.key, [...keys])));
  return new Set(rows.map((row) => row.key));
}

export interface ImportedDepartment {
  key: string;
  titleZh: string;
  titleEn: string;
  active: boolean;
  sortOrder: number;
  headUserId: string | null;
}

/** Inserts a batch of new departments in one statement (`unnest`); a key already taken fails the batch. */
export async function insertDepartments(
  db: Db,
  regionCode: string,
  rows: readonly ImportedDepartment[],
): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(pick: (row: ImportedDepartment) => T) => sql.param(rows.map(pick));
  await db.execute(sql`
    insert into cases_department (region_code, key, title_zh, title_en, active, sort_order, head_user_id)
    select ${regionCode}, d.* from unnest(
      ${col((r) => r.key)}::text[], ${col((r) => r.titleZh)}::text[], ${col((r) => r.titleEn)}::text[],
      ${col((r) => r.active)}::bool[], ${col((r) => r.sortOrder)}::int4[], ${col((r) => r.headUserId)}::uuid[]
    ) as d`);
}
