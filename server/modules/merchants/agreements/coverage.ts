import { addDays, shanghaiDayOf } from '../../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../../platform/context.ts';
import { regionNamesOf } from '../../../platform/regions/regions.store.ts';
import { scopeAndFilter } from '../read-merchants.ts';
import type { CoverageView } from './agreements.schema.ts';
import { coverageByTownship } from './agreements.store.ts';
import { expiringWithinDays } from './expiring.ts';

/**
 * 签约覆盖: per township of the reader's area, the merchants in business, those holding an agreement in force today,
 * those without (the list: GET /api/merchants?agreement=missing), and those whose agreement ends within 30 days.
 */
export async function agreementCoverage(ctx: Ctx, query: { township?: string }): Promise<CoverageView> {
  const { scope, filter } = scopeAndFilter(ctx, query);
  const day = shanghaiDayOf(ctx.clock());
  const expiringBy = addDays(day, expiringWithinDays);
  const rows = (await coverageByTownship(ctx.db, ctx.countyCode, scope, day, expiringBy)).filter(
    (row) => filter.area === null || row.townshipCode.startsWith(filter.area.slice(0, 9)),
  );
  const names = await regionNamesOf(
    ctx.db,
    rows.map((row) => row.townshipCode),
  );
  const townships = rows.map((row) => ({
    ...row,
    townshipName: names.get(row.townshipCode) ?? row.townshipCode,
    missing: row.merchants - row.covered,
    coverage: row.merchants === 0 ? 1 : row.covered / row.merchants,
  }));
  const sum = (key: 'merchants' | 'covered' | 'missing' | 'expiring') => townships.reduce((n, row) => n + row[key], 0);
  return {
    day,
    expiringBy,
    townships,
    total: { merchants: sum('merchants'), covered: sum('covered'), missing: sum('missing'), expiring: sum('expiring') },
  };
}
