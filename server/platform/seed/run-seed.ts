import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { readSetting, writeSetting } from '../settings/settings.store.ts';
import type { Progress, SeedOptions, SeedStep } from './seed-step.ts';

export interface SeedRecord {
  seed: number;
  scale: SeedOptions['scale'];
  seededAt: string;
  steps: string[];
}

export const seedSettingKey = 'demo.seed';

export async function demoSeedOf(ctx: Ctx, countyCode: string): Promise<SeedRecord | undefined> {
  return readSetting<SeedRecord>(ctx.db, countyCode, seedSettingKey);
}

/**
 * Builds the demo county step by step; each step commits on its own so a large seed shows progress and a
 * failure leaves the earlier steps in place. The record of the run is written last: a county without it
 * counts as not seeded, and `seed` may be run again (steps are idempotent upserts).
 */
export async function runSeed(
  ctx: Ctx,
  steps: readonly SeedStep[],
  options: SeedOptions,
  progressFor: (step: string) => Progress & { finish?(): void },
): Promise<SeedRecord> {
  for (const step of steps) {
    const progress = progressFor(step.name);
    await tx(ctx, (t) => step.run(t, options, progress));
    progress.finish?.();
  }
  const record: SeedRecord = {
    seed: options.seed,
    scale: options.scale,
    seededAt: ctx.clock().toISOString(),
    steps: steps.map((s) => s.name),
  };
  await tx(ctx, (t) => writeSetting(t.db, options.countyCode, seedSettingKey, record, t.clock()));
  return record;
}
