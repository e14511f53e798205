import type { Ctx } from '../context.ts';
import type { ModuleManifest } from '../module.ts';
import { consoleProgress, recordingProgress } from './progress.ts';
import { demoSeedOf, runSeed, type SeedRecord } from './run-seed.ts';
import type { SeedOptions, SeedStep } from './seed-step.ts';

/** The manifests' seed steps, in module order. */
export function allSeedSteps(manifests: readonly ModuleManifest[]): SeedStep[] {
  return manifests.flatMap((manifest) => manifest.seeds ?? []);
}

/** Seeds the demo county unless it already is (or `force`); prints progress to stderr unless `quiet`. */
export async function seedDemoCounty(
  ctx: Ctx,
  manifests: readonly ModuleManifest[],
  options: SeedOptions,
  { force = false, quiet = false }: { force?: boolean; quiet?: boolean } = {},
): Promise<SeedRecord | undefined> {
  if (!force && (await demoSeedOf(ctx, options.countyCode))) return undefined;
  if (!quiet)
    process.stderr.write(
      `Seeding the demo county ${options.countyCode} (scale ${options.scale}, seed ${options.seed})…\n`,
    );
  return runSeed(ctx, allSeedSteps(manifests), options, (step) =>
    quiet ? recordingProgress() : consoleProgress(step),
  );
}
