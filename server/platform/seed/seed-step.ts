import type { Ctx } from '../context.ts';

export type SeedScale = 'small' | 'county';

export interface SeedOptions {
  scale: SeedScale;
  /** Same seed → same demo county, row for row. */
  seed: number;
  countyCode: string;
}

/** Reports progress of one step: `done` of `total` units (rows, villages, …). */
export type Progress = (done: number, total: number) => void;

/** One named part of the demo county; modules contribute steps. */
export interface SeedStep {
  name: string;
  run(ctx: Ctx, options: SeedOptions, progress: Progress): Promise<void>;
}
