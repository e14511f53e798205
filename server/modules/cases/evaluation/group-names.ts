import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { queryRows } from '../../../platform/db/rows.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import type { CaseVisibility } from '../case-scope.ts';
import type { Dimension } from './evaluation.store.ts';
import './evaluation.messages.ts';

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
  const list = sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );
  const query = {
    township: sql`select code as "key", name from region where code in (${list})`,
    department: sql`select key, ${en ? sql`title_en` : sql`title_zh`} as name from cases_department where region_code = ${ctx.countyCode} and key in (${list})`,
    // The active edition's title wins; a code only in an older edition keeps that edition's title.
    category: sql`select distinct on (cat.code) cat.code as "key", ${en ? sql`cat.title_en` : sql`cat.title_zh`} as name
      from cases_category cat join cases_catalogue_version ver on ver.region_code = cat.region_code and ver.version = cat.version
      where cat.region_code = ${ctx.countyCode} and cat.code in (${list})
      order by cat.code, ver.active desc, ver.published_at desc`,
  }[dimension];
  const rows = await queryRows<{ key: string; name: string }>(ctx.db, query);
  return new Map(rows.map((r) => [r.key, r.name]));
}

/** The name of the group of cases never dispatched (department dimension, key null). */
export function notDispatchedName(ctx: Ctx): string {
  return translate(ctx.locale, 'cases.evaluation.not_dispatched');
}

async function townshipsInScope(ctx: Ctx, scopeRegion: string): Promise<NamedGroup[]> {
  // Below the county: its townships; a township or village scope: the township it is or lies in.
  const rows = await queryRows<{ key: string; name: string }>(
    ctx.db,
    sql`select code as "key", name from region
        where level = 'township' and code like ${`${ctx.countyCode}%`} and (code like ${`${scopeRegion}%`} or ${scopeRegion} like code || '%')
        order by code`,
  );
  return rows;
}

async function activeDepartments(ctx: Ctx): Promise<NamedGroup[]> {
  const en = ctx.locale === 'en';
  return queryRows<NamedGroup>(
    ctx.db,
    sql`select key, ${en ? sql`title_en` : sql`title_zh`} as name from cases_department where region_code = ${ctx.countyCode} and active order by sort_order, key`,
  );
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
