import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { markDatabaseDuplicates, markFileDuplicates } from './duplicates.ts';
import type { AnyImportKind } from './import-kind.ts';
import {
  deleteRowErrors,
  deleteRowKeys,
  errorTally,
  insertRowErrors,
  type NewRowError,
  type RunRow,
  updateRun,
} from './imports.store.ts';
import type { ImportLimits } from './limits.ts';
import { capIssues, type CheckedRow, checkRow } from './row-check.ts';
import { uploaderCtx } from './run-actor.ts';
import { asFileError, batched, openRunSheet } from './run-sheet.ts';

/** A run that cannot go on, with the message code it records (the file, the uploader, the row limit). */
export class RunFailure extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'RunFailure';
  }
}

/** An AppError met in a pass (a file error while streaming) as the failure the run records. */
export function failureOf(error: unknown): RunFailure | null {
  const cause = asFileError(error);
  if (cause instanceof RunFailure) return cause;
  if (cause instanceof AppError) {
    const field = Object.values(cause.fields)[0];
    return new RunFailure(field?.key ?? cause.messageKey, (field?.vars ?? cause.vars) as Record<string, string>);
  }
  return null;
}

export function rowErrorsOf(rows: readonly CheckedRow[], phase: 'check' | 'commit'): NewRowError[] {
  return rows.flatMap((row) =>
    capIssues(row.issues).map((issue) => ({
      rowNumber: row.rowNumber,
      column: issue.column,
      code: issue.code,
      params: issue.params ?? {},
      phase,
    })),
  );
}

/** One batch of the dry run: checked, duplicates marked, errors stored, progress and heartbeat recorded. */
async function checkBatch(ctx: Ctx, who: Ctx, run: RunRow, kind: AnyImportKind, rows: CheckedRow[], state: PassState) {
  await tx(who, async (t) => {
    await markFileDuplicates(t, run.id, kind, rows);
    await markDatabaseDuplicates(t, kind, rows);
    const errors = rowErrorsOf(rows, 'check');
    await insertRowErrors(t.db, t.countyCode, run.id, state.seq, errors);
    state.seq += errors.length;
    state.total += rows.length;
    const now = ctx.clock();
    await updateRun(t.db, t.countyCode, run.id, ['checking'], {
      processedRows: state.total,
      claimedAt: now,
      updatedAt: now,
    });
  });
}

interface PassState {
  seq: number;
  total: number;
}

/**
 * The dry run: streams the file, checks every row (cells, merged ranges, the kind's rules, duplicates in the file
 * and against the database) and records every refusal; writes nothing of the kind's data. Starts over when a
 * dry run left by a dead worker is taken again.
 */
export async function checkRun(ctx: Ctx, run: RunRow, kind: AnyImportKind, limits: ImportLimits): Promise<void> {
  const who = await uploaderCtx(ctx, run);
  if (!who) return failRun(ctx, run, 'checking', new RunFailure('imports.run.owner_inactive'));
  await tx(ctx, async (t) => {
    await deleteRowErrors(t.db, t.countyCode, run.id);
    await deleteRowKeys(t.db, t.countyCode, run.id);
  });
  const state: PassState = { seq: 0, total: 0 };
  try {
    const reference = await kind.reference(who);
    const sheet = await openRunSheet(who, run, kind);
    for await (const batch of batched(sheet.rows, limits.batchSize)) {
      if (state.total + batch.length > limits.maxRows)
        throw new RunFailure('imports.file.too_many_rows', { limit: limits.maxRows });
      const rows = batch.map((row) => checkRow(row, sheet.map, kind, reference, sheet.merged));
      await checkBatch(ctx, who, run, kind, rows, state);
    }
    if (state.total === 0) throw new RunFailure('imports.file.no_rows');
  } catch (error) {
    const failure = failureOf(error);
    if (!failure) throw error;
    return failRun(ctx, run, 'checking', failure);
  }
  await finishCheck(ctx, run, state.total);
}

async function finishCheck(ctx: Ctx, run: RunRow, total: number): Promise<void> {
  await tx(ctx, async (t) => {
    const tally = await errorTally(t.db, t.countyCode, run.id);
    await deleteRowKeys(t.db, t.countyCode, run.id);
    const now = t.clock();
    await updateRun(t.db, t.countyCode, run.id, ['checking'], {
      status: 'checked',
      totalRows: total,
      errorRows: tally.rows,
      processedRows: total,
      updatedAt: now,
    });
  });
}

/** Ends a run as failed with its reason; its file stays (the report may still be read) until it is discarded. */
export async function failRun(
  ctx: Ctx,
  run: RunRow,
  from: 'checking' | 'committing',
  failure: RunFailure,
): Promise<void> {
  await tx(ctx, async (t) => {
    const now = t.clock();
    await deleteRowKeys(t.db, t.countyCode, run.id);
    await updateRun(t.db, t.countyCode, run.id, [from], {
      status: 'failed',
      failureCode: failure.code,
      failureParams: failure.params,
      updatedAt: now,
      finishedAt: now,
    });
  });
}
