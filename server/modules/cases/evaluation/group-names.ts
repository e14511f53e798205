import type { Ctx } from '../../../platform/context.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import { listSubtreeLevel, regionNamesOf } from '../../../platform/regions/regions.store.ts';
import { latestCategoryTitles } from '../catalogue/catalogue-titles.store.ts';
import { listDepartments } from '../departments.store.ts';
import type { CaseVisibility } from '../case-scope.ts';
import type { Dimension } from './evaluation.store.ts';

/** A group a bulletin lists, in the order it lists them. */
export interface NamedGroup {
  key: string | null;
  name: string;
}

/**
 * The groups of a dimension: every township in the actor's scope and every active department appear even
 * with no cases (a bulletin that leaves out the township with nothing done hides exactly what it should
 * show); categories only when they have cases (the catalogue holds hundreds); every month of the period.
 * Keys found in the data but not in the lists (a retired department) are appended by the caller.
 */
export async function listedGroups(
  ctx: Ctx,
  dimension: Dimension,
  visibility: CaseVisibility,
  from: string,
  to: string,
): Promise<NamedGroup[]> {
  switch (dimension) {
    case 'township':
      return townshipsInScope(ctx, visibility.region);
    case 'department':
      return visibility.department === null ? activeDepartments(ctx) : [];
    case 'category':
      return [];
    case 'month':
      return monthsOf(from, to).map((m) => ({ key: m, name: m }));
  }
}

/** Names for keys the data holds: townships from `region`, departments from cases_department, categories from the catalogue. */
export async function namesOf(ctx: Ctx, dimension: Dimension, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0 || dimension === 'month') return new Map();
  const en = ctx.locale === 'en';
  switch (dimension) {
    case 'township':
      return regionNamesOf(ctx.db, keys);
    case 'department': {
      const wanted = new Set(keys);
      const departments = (await listDepartments(ctx.db, ctx.countyCode)).filter((d) => wanted.has(d.key));
      return new Map(departments.map((d) => [d.key, en ? d.titleEn : d.titleZh]));
    }
    case 'category': {
      // The active edition's title wins; a code only in an older edition keeps that edition's title.
      const titles = await latestCategoryTitles(ctx.db, ctx.countyCode, keys);
      return new Map(titles.map((t) => [t.code, en ? t.titleEn : t.titleZh]));
    }
  }
}

/** The name of the group of cases never dispatched (department dimension, key null). */
export function notDispatchedName(ctx: Ctx): string {
  return translate(ctx.locale, 'cases.evaluation.not_dispatched');
}

async function townshipsInScope(ctx: Ctx, scopeRegion: string): Promise<NamedGroup[]> {
  // Below the county: its townships; a township or village scope: the township it is or lies in.
  const townships = await listSubtreeLevel(ctx.db, ctx.countyCode, 'township');
  return townships
    .filter((t) => t.code.startsWith(scopeRegion) || scopeRegion.startsWith(t.code))
    .map((t) => ({ key: t.code, name: t.name }));
}

async function activeDepartments(ctx: Ctx): Promise<NamedGroup[]> {
  const en = ctx.locale === 'en';
  return (await listDepartments(ctx.db, ctx.countyCode))
    .filter((d) => d.active)
    .map((d) => ({ key: d.key, name: en ? d.titleEn : d.titleZh }));
}

/** 'YYYY-MM' of every month that has a day in [from, to]. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
}
