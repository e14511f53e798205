import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { checkRun, failRun, RunFailure } from './check-run.ts';
import { commitRun } from './commit-run.ts';
import type { AnyImportKind } from './import-kind.ts';
import { deleteHandouts, deleteHandoutsOfRunsBefore } from './handouts.store.ts';
import { claimRun, deleteRunFile, type RunRow, staleRunIds, updateRun } from './imports.store.ts';
import { defaultImportLimits, type ImportLimits } from './limits.ts';

/** Runs one worker takes per tick at most, so one tick never holds the timer for long. */
const runsPerTick = 5;

/** The next run waiting for a pass (dry runs first: people wait for those), taken by this worker. */
async function claimNext(ctx: Ctx, limits: ImportLimits): Promise<RunRow | undefined> {
  const now = ctx.clock();
  const stale = new Date(now.getTime() - limits.staleAfterMs);
  return tx(
    ctx,
    async (t) =>
      (await claimRun(t.db, t.countyCode, 'check_pending', 'checking', now, stale)) ??
      (await claimRun(t.db, t.countyCode, 'commit_pending', 'committing', now, stale)),
  );
}

/** Does the pass a claimed run is waiting for. */
export async function workOnRun(ctx: Ctx, run: RunRow, kinds: readonly AnyImportKind[], limits: ImportLimits) {
  const working = run.status as 'checking' | 'committing';
  const kind = kinds.find((k) => k.key === run.kind);
  if (!kind) return failRun(ctx, run, working, new RunFailure('imports.run.kind_unknown', { kind: run.kind }));
  if (working === 'checking') return checkRun(ctx, run, kind, limits);
  return commitRun(ctx, run, kind, limits);
}

/**
 * The worker's tick (a manifest job): takes waiting runs one at a time with a conditional UPDATE (`for update skip
 * locked`), so several server processes on one PostgreSQL never work on the same run; a run whose worker went
 * silent for `staleAfterMs` is taken again. Answers how many runs it worked on.
 */
export async function runImportWork(
  ctx: Ctx,
  kinds: readonly AnyImportKind[],
  limits: ImportLimits = defaultImportLimits,
): Promise<number> {
  let worked = 0;
  while (worked < runsPerTick) {
    const run = await claimNext(ctx, limits);
    if (!run) break;
    await workOnRun(ctx, run, kinds, limits);
    worked += 1;
  }
  return worked;
}

/**
 * Runs left checked or failed for `keepDays` are discarded (their files go), and initial passwords nobody
 * downloaded go too. Answers how many runs it discarded.
 */
export async function sweepImports(ctx: Ctx, limits: ImportLimits = defaultImportLimits): Promise<number> {
  const before = new Date(ctx.clock().getTime() - limits.keepDays * 86_400_000);
  const ids = await staleRunIds(ctx.db, ctx.countyCode, before);
  for (const id of ids)
    await tx(ctx, async (t) => {
      const now = t.clock();
      if (
        !(await updateRun(t.db, t.countyCode, id, ['checked', 'failed'], {
          status: 'discarded',
          updatedAt: now,
          finishedAt: now,
        }))
      )
        return;
      await deleteRunFile(t.db, t.countyCode, id);
      await deleteHandouts(t.db, t.countyCode, id);
      await recordAudit(t, { eventType: 'imports.expire', action: 'discard', objectType: 'import_run', objectId: id });
    });
  await tx(ctx, (t) => deleteHandoutsOfRunsBefore(t.db, t.countyCode, before));
  return ids.length;
}
