import { addDays, shanghaiDayOf } from '../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../platform/context.ts';
import { expiringWithinDays } from './agreements/expiring.ts';
import { requireInScope } from '../../platform/access/scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { isInSubtree } from '../../platform/regions/region-scope.ts';
import { type MerchantScope, merchantScopeOf } from './merchants.policy.ts';
import { namesForRows, presentMerchant } from './merchants.presenter.ts';
import type { MerchantList, MerchantListQuery, MerchantView } from './merchants.schema.ts';
import {
  findMerchant,
  listMerchants,
  type MerchantFilter,
  type MerchantRow,
  merchantExists,
} from './merchants.store.ts';

/** The reader's scope, refusing an area filter outside it with a field error (not an empty list). */
export function scopeAndFilter(
  ctx: Ctx,
  query: Omit<MerchantListQuery, 'page' | 'pageSize'>,
): {
  scope: MerchantScope;
  filter: MerchantFilter;
} {
  if (!ctx.actor) throw AppError.unauthenticated();
  const scope = merchantScopeOf(ctx.actor);
  const area = query.township ?? null;
  if (area !== null && !isInSubtree(area, scope.region)) {
    throw AppError.field('township', 'merchants.region_outside_scope');
  }
  const { township: _area, q, agreement, ...rest } = query;
  const day = shanghaiDayOf(ctx.clock());
  const agreementFilter = agreement && { kind: agreement, day, by: addDays(day, expiringWithinDays) };
  return { scope, filter: { ...rest, area, text: q, agreement: agreementFilter } };
}

export async function listMerchantsFor(ctx: Ctx, query: MerchantListQuery): Promise<MerchantList> {
  const { scope, filter } = scopeAndFilter(ctx, query);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { rows, total } = await listMerchants(ctx.db, ctx.countyCode, scope, filter, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const names = await namesForRows(ctx, rows);
  return { items: rows.map((row) => presentMerchant(ctx, row, names)), total, page, pageSize };
}

/** A merchant in the reader's scope; another township's is an audited 404, as a missing one is a plain 404. */
export async function loadVisibleMerchant(ctx: Ctx, id: string): Promise<MerchantRow> {
  if (!ctx.actor) throw AppError.unauthenticated();
  const scope = merchantScopeOf(ctx.actor);
  return requireInScope(
    ctx,
    { objectType: 'merchant', objectId: id, what: 'what.merchant' },
    () => findMerchant(ctx.db, ctx.countyCode, scope, id),
    () => merchantExists(ctx.db, ctx.countyCode, id),
  );
}

export async function getMerchant(ctx: Ctx, id: string): Promise<MerchantView> {
  const row = await loadVisibleMerchant(ctx, id);
  return presentMerchant(ctx, row, await namesForRows(ctx, [row]));
}
