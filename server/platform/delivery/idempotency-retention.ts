import { and, eq, lt } from 'drizzle-orm';
import { idempotencyRecord } from '../../db/schema/delivery.ts';
import type { Ctx } from '../context.ts';
import type { PeriodicJob } from '../jobs/periodic.ts';

/**
 * How long a first answer is kept for a retry. A phone on a bad signal retries within minutes and an offline
 * queue within days; a week covers both and keeps the table (sealed answers, some with secrets) small.
 */
export const idempotencyRetentionDays = 7;

/** Removes this county's records older than the retry window; answers how many went. */
export async function purgeIdempotencyRecords(ctx: Ctx): Promise<number> {
  const before = new Date(ctx.clock().getTime() - idempotencyRetentionDays * 86_400_000);
  const gone = await ctx.db
    .delete(idempotencyRecord)
    .where(and(eq(idempotencyRecord.regionCode, ctx.countyCode), lt(idempotencyRecord.createdAt, before)))
    .returning({ key: idempotencyRecord.key });
  return gone.length;
}

export const idempotencyPurgeJob: PeriodicJob = {
  name: 'delivery.idempotency-purge',
  everyMs: 60 * 60_000,
  run: purgeIdempotencyRecords,
};
