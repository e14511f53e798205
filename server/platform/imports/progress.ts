import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { type RunRow, updateRun } from './imports.store.ts';

/**
 * Progress of an all-or-nothing commit, which runs in one transaction whose own writes nobody else sees until it
 * ends. PostgreSQL: written to the run row on another connection (also the worker's heartbeat). PGlite has one
 * session, busy with that transaction, and is one process: kept here, where the run's read looks first.
 */
const live = new Map<string, number>();

export async function publishProgress(ctx: Ctx, run: RunRow, processed: number): Promise<void> {
  live.set(run.id, processed);
  if (ctx.database.engine !== 'postgres' || ctx.inTransaction) return;
  await tx(ctx, async (t) => {
    const now = t.clock();
    await updateRun(t.db, t.countyCode, run.id, ['committing'], {
      processedRows: processed,
      claimedAt: now,
      updatedAt: now,
    });
  });
}

export function forgetProgress(runId: string): void {
  live.delete(runId);
}

/** The rows an all-or-nothing commit in this process has read so far, if one is running. */
export function liveProgress(runId: string): number | undefined {
  return live.get(runId);
}
