import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { tx } from '../../../platform/db/tx.ts';
import { deleteStaleBudgets } from '../../../platform/delivery/request-budget.ts';
import { deleteExpiredUploads } from './uploads.store.ts';

/** How often the server clears photos that were uploaded but never sent with a report. */
export const uploadSweepEveryMs = 15 * 60_000;

/**
 * Deletes expired staged photos; one audit row says how many, none when there were none. Also forgets the
 * anonymous clients' spent budgets a day after their hour (counts, not records: no audit row).
 */
export async function sweepExpiredUploads(ctx: Ctx): Promise<number> {
  await deleteStaleBudgets(ctx.db, ctx.countyCode, ctx.clock());
  return tx(ctx, async (t) => {
    const deleted = await deleteExpiredUploads(t.db, t.countyCode, t.clock());
    if (deleted > 0)
      await recordAudit(t, {
        eventType: 'cases.photo_upload_expired',
        action: 'delete',
        objectType: 'photo_upload',
        details: { deleted },
      });
    return deleted;
  });
}
