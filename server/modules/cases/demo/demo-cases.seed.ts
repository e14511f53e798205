import { SeededRandom } from '../../../platform/seed/random.ts';
import type { SeedStep } from '../../../platform/seed/seed-step.ts';
import { countyHasCases, insertDemoPhotos, insertHistories, reserveCaseIds } from './demo-cases.store.ts';
import { makeDemoImages, planPhotos } from './demo-photos.ts';
import { numberCases, planCaseHistory } from './demo-plan.ts';
import { loadDemoSetup } from './demo-setup.ts';

const batchSize = 2000;

/**
 * The demo county's case history: 13+ months of Yanling cases up to the seed's "now", in every category,
 * township, channel and state (demo-plan.ts). Runs after the departments step; does nothing when the county
 * already has cases, so a demo restarted on its data folder keeps what people did in it. Writes no audit
 * rows: the history is imported, not acted in this installation, and the audit chain stays as it was.
 */
export const demoCasesSeed: SeedStep = {
  name: 'cases history',
  async run(ctx, options, progress) {
    if (await countyHasCases(ctx.db, ctx.countyCode)) {
      progress(0, 0);
      return;
    }
    const setup = await loadDemoSetup(ctx);
    const histories = planCaseHistory(setup, options.scale, options.seed);
    const photos = planPhotos(histories, new SeededRandom(options.seed).fork('cases photos'));
    const images = await makeDemoImages();
    numberCases(histories, await reserveCaseIds(ctx.db, histories.length));
    progress(0, histories.length);
    for (let start = 0; start < histories.length; start += batchSize) {
      await insertHistories(ctx.db, ctx.countyCode, histories.slice(start, start + batchSize));
      progress(Math.min(start + batchSize, histories.length), histories.length);
    }
    await insertDemoPhotos(ctx.db, ctx.countyCode, photos, images);
  },
};
