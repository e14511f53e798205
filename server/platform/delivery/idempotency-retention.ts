import type { Ctx } from '../context.ts';
import type { PeriodicJob } from '../jobs/periodic.ts';
import { deleteIdempotencyRecordsBefore } from './idempotency.store.ts';

/**
 * How long a first answer is kept for a retry. A phone on a bad signal retries within minutes and an offline
 * queue within days; a week covers both and keeps the table (sealed answers, some with secrets) small.
 */
export const idempotencyRetentionDays = 7;

/** Removes this county's records older than the retry window; answers how many went. */
export async function purgeIdempotencyRecords(ctx: Ctx): Promise<number> {
  const before = new Date(ctx.clock().getTime() - idempotencyRetentionDays * 86_400_000);
  return deleteIdempotencyRecordsBefore(ctx.db, ctx.countyCode, before);
}

export const idempotencyPurgeJob: PeriodicJob = {
  name: 'delivery.idempotency-purge',
  everyMs: 60 * 60_000,
  run: purgeIdempotencyRecords,
};
