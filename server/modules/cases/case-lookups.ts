import { and, eq, inArray, sql } from 'drizzle-orm';
import { casesCategory } from '../../db/schema/cases-catalogue.ts';
import { appUser } from '../../db/schema/identity.ts';
import { region } from '../../db/schema/platform.ts';
import type { Ctx } from '../../platform/context.ts';
import { townshipLabel } from './case-region.ts';

/** Names a page of cases needs (category titles, townships, staff on the timeline), fetched in a few queries. */
export interface CaseLookups {
  categoryName(version: string, code: string): string;
  regionName(code: string): string;
  /** The township's name, or "township to be assigned" for a case filed under the county (case-region.ts). */
  townshipName(code: string): string;
  userName(id: string | null): string | null;
}

export async function loadCaseLookups(
  ctx: Ctx,
  rows: ReadonlyArray<{ catalogueVersion: string; categoryCode: string; townshipCode: string; locationCode?: string }>,
  userIds: ReadonlyArray<string | null> = [],
): Promise<CaseLookups> {
  const en = ctx.locale === 'en';
  const versions = [...new Set(rows.map((r) => r.catalogueVersion))];
  const categories =
    versions.length === 0
      ? []
      : await ctx.db
          .select({
            version: casesCategory.version,
            code: casesCategory.code,
            zh: casesCategory.titleZh,
            en: casesCategory.titleEn,
          })
          .from(casesCategory)
          .where(and(eq(casesCategory.regionCode, ctx.countyCode), inArray(casesCategory.version, versions)));
  const regionCodes = [...new Set(rows.flatMap((r) => [r.townshipCode, r.locationCode ?? r.townshipCode]))];
  const regions =
    regionCodes.length === 0
      ? []
      : await ctx.db
          .select({ code: region.code, name: region.name })
          .from(region)
          .where(inArray(region.code, regionCodes));
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  const users =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ id: appUser.id, name: appUser.displayName })
          .from(appUser)
          .where(and(eq(appUser.regionCode, ctx.countyCode), sql`${appUser.id} in ${ids}`));
  const categoryMap = new Map(categories.map((c) => [`${c.version}/${c.code}`, en ? c.en : c.zh]));
  const regionMap = new Map(regions.map((r) => [r.code, r.name]));
  const userMap = new Map(users.map((u) => [u.id, u.name]));
  return {
    categoryName: (version, code) => categoryMap.get(`${version}/${code}`) ?? code,
    regionName: (code) => regionMap.get(code) ?? code,
    townshipName: (code) => townshipLabel(code, ctx.countyCode, ctx.locale, (c) => regionMap.get(c) ?? c),
    userName: (id) => (id === null ? null : (userMap.get(id) ?? null)),
  };
}
