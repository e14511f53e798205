import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { deleteFinishedJobs } from './jobs.store.ts';
import type { PeriodicJob } from './periodic.ts';

/** Done jobs are kept this long for the operator's view; dead ones stay until retried or looked at. */
export const finishedJobRetentionDays = 7;

/** Removes this county's done jobs older than the retention; answers how many went. */
export async function purgeFinishedJobs(ctx: Ctx): Promise<number> {
  const before = new Date(ctx.clock().getTime() - finishedJobRetentionDays * 86_400_000);
  return tx(ctx, (t) => deleteFinishedJobs(t.db, t.countyCode, before));
}

export const finishedJobsPurge: PeriodicJob = {
  name: 'jobs.finished-purge',
  everyMs: 6 * 60 * 60_000,
  run: purgeFinishedJobs,
};
