import { SeededRandom } from '../seed/random.ts';
import type { SeedStep } from '../seed/seed-step.ts';
import { seedVillages } from './demo-villages.ts';

export const villagesSeed: SeedStep = {
  name: 'villages',
  async run(ctx, options, progress) {
    await seedVillages(ctx.db, options.countyCode, new SeededRandom(options.seed).fork('villages'), progress);
  },
};
