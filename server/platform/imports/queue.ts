import type { Ctx } from '../context.ts';
import type { RunRow } from './imports.store.ts';

/**
 * Hands a run that waits for a pass (a dry run after the upload, a commit after the choice) to the worker. The
 * imports manifest's periodic job polls for such runs and claims each with a conditional UPDATE (worker.ts);
 * nothing more is needed here until a durable queue wakes it sooner.
 */
export async function queueRunWork(_t: Ctx, _run: RunRow): Promise<void> {}
