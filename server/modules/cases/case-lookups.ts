import { userNamesOf } from '../../platform/auth/users.store.ts';
import type { Ctx } from '../../platform/context.ts';
import { regionNamesOf } from '../../platform/regions/regions.store.ts';
import { townshipLabel } from './case-region.ts';
import { listCategoryTitles } from './catalogue/catalogue-titles.store.ts';

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
  const categories = await listCategoryTitles(ctx.db, ctx.countyCode, versions);
  // Regions and accounts are the platform's: read through its stores, never its tables.
  const regionMap = await regionNamesOf(
    ctx.db,
    rows.flatMap((r) => [r.townshipCode, r.locationCode ?? r.townshipCode]),
  );
  const userMap = await userNamesOf(
    ctx.db,
    ctx.countyCode,
    userIds.filter((id): id is string => id !== null),
  );
  const categoryMap = new Map(categories.map((c) => [`${c.version}/${c.code}`, en ? c.titleEn : c.titleZh]));
  return {
    categoryName: (version, code) => categoryMap.get(`${version}/${code}`) ?? code,
    regionName: (code) => regionMap.get(code) ?? code,
    townshipName: (code) => townshipLabel(code, ctx.countyCode, ctx.locale, (c) => regionMap.get(c) ?? c),
    userName: (id) => (id === null ? null : (userMap.get(id) ?? null)),
  };
}
