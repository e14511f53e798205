import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { casesCatalogueVersion, casesCategory } from '../../../db/schema/cases-catalogue.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { CategoryRow } from './catalogue.store.ts';

/** A code's titles in one edition: what lists, files and bulletins name a case's category by. */
export interface CategoryTitle {
  version: string;
  code: string;
  titleZh: string;
  titleEn: string;
}

/** The county's category titles, of the given editions only when `versions` is given. */
export async function listCategoryTitles(
  db: Db,
  regionCode: string,
  versions?: readonly string[],
): Promise<CategoryTitle[]> {
  if (versions?.length === 0) return [];
  return db
    .select({
      version: casesCategory.version,
      code: casesCategory.code,
      titleZh: casesCategory.titleZh,
      titleEn: casesCategory.titleEn,
    })
    .from(casesCategory)
    .where(
      and(
        eq(casesCategory.regionCode, regionCode),
        versions === undefined ? undefined : inArray(casesCategory.version, [...versions]),
      ),
    );
}

/** Titles of codes whichever edition they are in: the active edition's title wins, else the newest edition's. */
export async function latestCategoryTitles(
  db: Db,
  regionCode: string,
  codes: readonly string[],
): Promise<Array<{ code: string; titleZh: string; titleEn: string }>> {
  if (codes.length === 0) return [];
  const cat = casesCategory;
  const ver = casesCatalogueVersion;
  return db
    .selectDistinctOn([cat.code], { code: cat.code, titleZh: cat.titleZh, titleEn: cat.titleEn })
    .from(cat)
    .innerJoin(ver, and(eq(ver.regionCode, cat.regionCode), eq(ver.version, cat.version)))
    .where(and(eq(cat.regionCode, regionCode), inArray(cat.code, [...codes])))
    .orderBy(cat.code, sql`${ver.active} desc`, sql`${ver.publishedAt} desc`);
}

/** The reportable codes (kind `event`) of one edition, in the catalogue's order: what the citizen form offers. */
export async function listEventCategories(db: Db, regionCode: string, version: string): Promise<CategoryRow[]> {
  return db
    .select()
    .from(casesCategory)
    .where(
      and(
        eq(casesCategory.regionCode, regionCode),
        eq(casesCategory.version, version),
        eq(casesCategory.kind, 'event'),
      ),
    )
    .orderBy(asc(casesCategory.sortOrder));
}
