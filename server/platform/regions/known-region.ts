import { cachedReference, invalidateReference } from '../cache/reference-cache.ts';
import type { Ctx } from '../context.ts';
import { type Region, findRegion } from './regions.store.ts';

/** Regions change only when the division codes are reloaded (yearly); another process sees a reload within this. */
const regionTtlMs = 60_000;

/**
 * A region by code, from the process's reference cache: every report names its township or village, and the
 * lookup was one of the intake's few statements left before its transaction (bench/results/capacity.json).
 * Only a region found is kept: a code looked up before its region is loaded is looked up again next time.
 */
export async function knownRegion(ctx: Ctx, code: string): Promise<Region | undefined> {
  const key = `regions/${code}`;
  const found = await cachedReference(ctx, key, regionTtlMs, () => findRegion(ctx.db, code));
  if (!found) invalidateReference(ctx, key);
  return found;
}
