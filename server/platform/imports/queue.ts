import type { Ctx } from '../context.ts';
import { enqueueJob, type QueuedJob } from '../jobs/queue.ts';
import { adoptedImportKinds } from './adopted-kinds.ts';
import type { RunRow } from './imports.store.ts';
import { runImportWork } from './worker.ts';

/**
 * The durable job that works on runs (platform/jobs): queued in the transaction that makes a run wait (the upload,
 * the commit request), so it exists exactly when the run does. Not transactional: a pass opens its own
 * transactions (a batch each, or the one all-or-nothing commit). It takes waiting runs with a conditional UPDATE
 * (worker.ts), so a job run twice, or a job that finds its run taken by another process, does no harm.
 */
export const importRunJob: QueuedJob<{ runId: string }> = {
  name: 'imports.run',
  transactional: false,
  retry: { limit: 3, backoffMs: 60_000 },
  run: (ctx) => runImportWork(ctx, adoptedImportKinds()),
};

/** Queues the worker for a run that now waits for a pass (at most one pending job per run). */
export async function queueRunWork(t: Ctx, run: RunRow): Promise<void> {
  await enqueueJob(t, importRunJob, { runId: run.id }, { key: `run:${run.id}` });
}
