import { SystemRead } from '../../../platform/access/record-scope.ts';
import type { Ctx } from '../../../platform/context.ts';
import { listSubtreeLevel } from '../../../platform/regions/regions.store.ts';
import { SeededRandom } from '../../../platform/seed/random.ts';
import type { SeedStep } from '../../../platform/seed/seed-step.ts';
import { countyHasMerchants, insertMerchantBatch } from '../merchants.store.ts';
import { merchantRowOf } from '../register-merchant.ts';
import { buildPlaces, type DemoTownshipPlaces } from './demo-merchant-places.ts';
import { planDemoMerchants } from './demo-merchant-plan.ts';

/** Rows per insert: a few statements, so the seed's progress moves while the whole stays quick. */
const batchSize = 500;

/**
 * The demo county's merchant registry: the page's 2,360 shops under 门前三包, 600 regulated food businesses and
 * 300 other supervised ones (demo-merchant-plan.ts), over the county's townships and villages. Runs after the
 * villages step; does nothing when the county already has merchants, so a demo restarted on its data folder
 * keeps what people registered in it. Writes no audit rows: the registry is imported, not registered by anyone
 * in this installation (as the cases history).
 */
export const demoMerchantsSeed: SeedStep = {
  name: 'merchants',
  async run(ctx, options, progress) {
    if (await countyHasMerchants(ctx.db, ctx.countyCode, SystemRead('demo-seed'))) {
      progress(0, 0);
      return;
    }
    const places = await loadPlaces(ctx, options.seed);
    const { merchants } = planDemoMerchants(places, ctx.countyCode, options.seed, ctx.clock());
    progress(0, merchants.length);
    for (let start = 0; start < merchants.length; start += batchSize) {
      const batch = merchants.slice(start, start + batchSize);
      // Sealed as a registration seals them: the operator's name and phone never reach the table in clear.
      const rows = batch.map(({ id, createdAt, ...merchant }) => merchantRowOf(ctx, merchant, id, createdAt));
      await insertMerchantBatch(ctx.db, rows);
      progress(start + batch.length, merchants.length);
    }
  },
};

/** The county's townships and villages as the regions seed wrote them, with the demo's streets and points. */
export async function loadPlaces(ctx: Ctx, seed: number): Promise<DemoTownshipPlaces[]> {
  const townships = await listSubtreeLevel(ctx.db, ctx.countyCode, 'township');
  const villages = await listSubtreeLevel(ctx.db, ctx.countyCode, 'village');
  if (townships.length === 0) throw new Error("the demo merchants need the county's townships (reference data)");
  return buildPlaces(townships, villages, new SeededRandom(seed).fork('merchant places'));
}
