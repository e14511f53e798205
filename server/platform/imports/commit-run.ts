import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { encryptColumnValue } from '../pii/column-crypto.ts';
import { failRun, failureOf, RunFailure, rowErrorsOf } from './check-run.ts';
import { markBatchDuplicates, markDatabaseDuplicates } from './duplicates.ts';
import type { AnyImportKind, Handout } from './import-kind.ts';
import { insertHandouts } from './handouts.store.ts';
import {
  deleteRunFile,
  errorTally,
  insertRowErrors,
  type RunRow,
  rowErrorsBetween,
  updateRun,
} from './imports.store.ts';
import type { ImportLimits } from './limits.ts';
import { forgetProgress, publishProgress } from './progress.ts';
import { type CheckedRow, checkRow } from './row-check.ts';
import { uploaderCtx } from './run-actor.ts';
import { batched, type OpenSheet, openRunSheet } from './run-sheet.ts';
import type { SheetRow } from './sheet-reader.ts';

/**
 * The commit: the file is read again and every row checked again (the database may have changed since the dry
 * run: a login name taken meanwhile), then written by the kind in batches.
 * - 'valid': each batch is its own transaction; rows the dry run refused are skipped, rows refused now are
 *   recorded (phase 'commit') and skipped; a commit taken over after a crash resumes after the last batch.
 * - 'all': one transaction for the whole file; one row refused now and nothing is written (the run fails with
 *   the rows that changed), so nothing is ever half-imported.
 */

interface Tally {
  committed: number;
  skipped: number;
  processed: number;
}

async function sealHandouts(t: Ctx, run: RunRow, handouts: readonly Handout[] | undefined): Promise<void> {
  await insertHandouts(
    t.db,
    (handouts ?? []).map((h) => ({
      regionCode: t.countyCode,
      runId: run.id,
      rowNumber: h.rowNumber,
      label: h.label,
      secretEnc: encryptColumnValue(t.keyring, 'imports_handout', 'secret_enc', h.secret),
    })),
  );
}

/** Re-checks a batch inside the commit's transaction: cells, the kind's rules, duplicates in the batch and the database. */
async function recheck<R>(t: Ctx, kind: AnyImportKind, sheet: OpenSheet, rows: readonly SheetRow[], reference: R) {
  const checked = rows.map((row) => checkRow(row, sheet.map, kind, reference, sheet.merged));
  markBatchDuplicates(kind, checked);
  await markDatabaseDuplicates(t, kind, checked);
  return { good: checked.filter((r) => r.issues.length === 0), bad: checked.filter((r) => r.issues.length > 0) };
}

async function writeRows<R>(t: Ctx, run: RunRow, kind: AnyImportKind, rows: CheckedRow[], reference: R) {
  if (rows.length === 0) return;
  const outcome = await kind.commit(
    t,
    rows.map((r) => ({ rowNumber: r.rowNumber, values: r.values })),
    reference,
  );
  await sealHandouts(t, run, outcome.handouts);
}

async function finishCommit(t: Ctx, run: RunRow, tally: Tally): Promise<void> {
  const errors = await errorTally(t.db, t.countyCode, run.id);
  const now = t.clock();
  await updateRun(t.db, t.countyCode, run.id, ['committing'], {
    status: 'committed',
    committedRows: tally.committed,
    skippedRows: tally.skipped,
    processedRows: tally.processed,
    errorRows: errors.rows,
    updatedAt: now,
    finishedAt: now,
  });
  await deleteRunFile(t.db, t.countyCode, run.id);
  await recordAudit(t, {
    eventType: 'imports.commit',
    action: 'import',
    objectType: 'import_run',
    objectId: run.id,
    details: { kind: run.kind, mode: run.mode, committed: tally.committed, skipped: tally.skipped },
  });
}

async function commitValid<R>(
  ctx: Ctx,
  who: Ctx,
  run: RunRow,
  kind: AnyImportKind,
  reference: R,
  limits: ImportLimits,
) {
  const sheet = await openRunSheet(who, run, kind);
  const tally: Tally = { committed: run.committedRows, skipped: run.skippedRows, processed: 0 };
  for await (const batch of batched(sheet.rows, limits.batchSize)) {
    tally.processed += batch.length;
    const fresh = batch.filter((row) => row.rowNumber > run.committedThroughRow);
    if (fresh.length === 0) continue;
    const last = fresh[fresh.length - 1]!.rowNumber;
    await tx(who, async (t) => {
      const refused = await rowErrorsBetween(t.db, t.countyCode, run, fresh[0]!.rowNumber, last);
      const skip = new Set(refused.map((e) => e.rowNumber));
      const { good, bad } = await recheck(
        t,
        kind,
        sheet,
        fresh.filter((r) => !skip.has(r.rowNumber)),
        reference,
      );
      await insertRowErrors(
        t.db,
        t.countyCode,
        run.id,
        (await errorTally(t.db, t.countyCode, run.id)).next,
        rowErrorsOf(bad, 'commit'),
      );
      await writeRows(t, run, kind, good, reference);
      tally.committed += good.length;
      tally.skipped += bad.length;
      const now = ctx.clock();
      await updateRun(t.db, t.countyCode, run.id, ['committing'], {
        committedRows: tally.committed,
        skippedRows: tally.skipped,
        processedRows: tally.processed,
        committedThroughRow: last,
        claimedAt: now,
        updatedAt: now,
      });
    });
  }
  await tx(who, (t) => finishCommit(t, run, tally));
}

/** Raised inside the all-or-nothing transaction to roll it back, carrying the rows that no longer pass. */
class CommitRefused extends Error {
  constructor(
    readonly rows: CheckedRow[],
    readonly count: number,
  ) {
    super('commit refused');
  }
}

/** Rows kept for the report when an all-or-nothing commit is refused (the count goes on). */
const maxRefusedKept = 10_000;

async function commitAll<R>(ctx: Ctx, who: Ctx, run: RunRow, kind: AnyImportKind, reference: R, limits: ImportLimits) {
  const sheet = await openRunSheet(who, run, kind);
  try {
    await tx(who, async (t) => {
      const tally: Tally = { committed: 0, skipped: 0, processed: 0 };
      const refused: CheckedRow[] = [];
      let refusedCount = 0;
      for await (const batch of batched(sheet.rows, limits.batchSize)) {
        const { good, bad } = await recheck(t, kind, sheet, batch, reference);
        refusedCount += bad.length;
        refused.push(...bad.slice(0, Math.max(0, maxRefusedKept - refused.length)));
        if (refusedCount === 0) await writeRows(t, run, kind, good, reference);
        tally.processed += batch.length;
        tally.committed += good.length;
        await publishProgress(ctx, run, tally.processed);
      }
      if (refusedCount > 0) throw new CommitRefused(refused, refusedCount);
      await finishCommit(t, run, tally);
    });
  } catch (error) {
    if (!(error instanceof CommitRefused)) throw error;
    await tx(who, async (t) => {
      const next = (await errorTally(t.db, t.countyCode, run.id)).next;
      await insertRowErrors(t.db, t.countyCode, run.id, next, rowErrorsOf(error.rows, 'commit'));
      await updateRun(t.db, t.countyCode, run.id, ['committing'], {
        errorRows: (await errorTally(t.db, t.countyCode, run.id)).rows,
      });
    });
    throw new RunFailure('imports.run.failed_on_commit', { count: error.count });
  }
}

export async function commitRun(ctx: Ctx, run: RunRow, kind: AnyImportKind, limits: ImportLimits): Promise<void> {
  const who = await uploaderCtx(ctx, run);
  if (!who?.actor?.permissions.has(kind.permission))
    return failRun(ctx, run, 'committing', new RunFailure('imports.run.owner_inactive'));
  try {
    const reference = await kind.reference(who);
    if (run.mode === 'all') await commitAll(ctx, who, run, kind, reference, limits);
    else await commitValid(ctx, who, run, kind, reference, limits);
  } catch (error) {
    const failure = failureOf(error);
    if (!failure) throw error;
    await failRun(ctx, run, 'committing', failure);
  } finally {
    forgetProgress(run.id);
  }
}
