import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { decryptColumnValue } from '../pii/column-crypto.ts';
import type { AnyImportKind } from './import-kind.ts';
import { deleteHandouts, takeHandouts } from './handouts.store.ts';
import { deleteRunFile, findRun, type RunRow, type RunStatus, updateRun } from './imports.store.ts';

/** A run of this kind uploaded by the actor, or 404 (another person's run does not exist for them). */
export async function ownRun(ctx: Ctx, kind: AnyImportKind, id: string): Promise<RunRow> {
  const run = await findRun(ctx.db, ctx.countyCode, id, { kind: 'owner', userId: ctx.actor!.id });
  if (!run || run.kind !== kind.key) throw AppError.notFound('what.import_run');
  return run;
}

const finished: readonly RunStatus[] = ['commit_pending', 'committing', 'committed', 'discarded'];

function refuseUnlessChecked(run: RunRow): void {
  if (run.status === 'check_pending' || run.status === 'checking')
    throw new AppError(409, 'import_not_checked', 'imports.run.not_checked');
  if (run.status !== 'checked') throw new AppError(409, 'import_finished', 'imports.run.finished');
}

/**
 * The user's choice after the dry run: all-or-nothing (refused while any row has an error) or only the valid
 * rows (refused when there are none). The run is queued for the worker with a conditional update, so a double
 * click commits once.
 */
export async function requestCommit(
  ctx: Ctx,
  kind: AnyImportKind,
  id: string,
  mode: 'all' | 'valid',
  afterRequest: (t: Ctx, run: RunRow) => Promise<void>,
): Promise<RunRow> {
  const run = await ownRun(ctx, kind, id);
  refuseUnlessChecked(run);
  if (mode === 'all' && run.errorRows > 0)
    throw new AppError(409, 'import_has_errors', 'imports.run.has_errors', { count: run.errorRows });
  if (mode === 'valid' && run.totalRows - run.errorRows <= 0)
    throw new AppError(409, 'import_no_valid_rows', 'imports.run.no_valid_rows');
  return tx(ctx, async (t) => {
    const now = t.clock();
    const moved = await updateRun(t.db, t.countyCode, run.id, ['checked'], {
      status: 'commit_pending',
      mode,
      processedRows: 0,
      updatedAt: now,
    });
    if (!moved) throw new AppError(409, 'import_finished', 'imports.run.finished');
    await recordAudit(t, {
      eventType: 'imports.commit_requested',
      action: 'commit',
      objectType: 'import_run',
      objectId: run.id,
      details: { kind: kind.key, mode, rows: run.totalRows, errorRows: run.errorRows },
    });
    const queued = { ...run, status: 'commit_pending' as const, mode };
    await afterRequest(t, queued);
    return queued;
  });
}

/** Drops a run that was not committed: its file and anything else it kept go now. */
export async function discardRun(ctx: Ctx, kind: AnyImportKind, id: string): Promise<RunRow> {
  const run = await ownRun(ctx, kind, id);
  if (finished.includes(run.status)) throw new AppError(409, 'import_finished', 'imports.run.finished');
  return tx(ctx, async (t) => {
    const now = t.clock();
    const moved = await updateRun(t.db, t.countyCode, run.id, ['check_pending', 'checking', 'checked', 'failed'], {
      status: 'discarded',
      updatedAt: now,
      finishedAt: now,
    });
    if (!moved) throw new AppError(409, 'import_finished', 'imports.run.finished');
    await deleteRunFile(t.db, t.countyCode, run.id);
    await deleteHandouts(t.db, t.countyCode, run.id);
    await recordAudit(t, {
      eventType: 'imports.discard',
      action: 'discard',
      objectType: 'import_run',
      objectId: run.id,
    });
    return { ...run, status: 'discarded' as const };
  });
}

/**
 * The one download of what the commit handed out (initial passwords): taken out of the database in the same
 * transaction that audits the download, so a second request finds nothing (409) and no copy stays behind.
 */
export async function takeRunHandouts(ctx: Ctx, kind: AnyImportKind, id: string) {
  const run = await ownRun(ctx, kind, id);
  return tx(ctx, async (t) => {
    const rows = await takeHandouts(t.db, t.countyCode, run);
    if (rows.length === 0) throw new AppError(409, 'import_handouts_gone', 'imports.run.handouts_gone');
    await recordAudit(t, {
      eventType: 'imports.handouts_download',
      action: 'download',
      objectType: 'import_run',
      objectId: run.id,
      details: { count: rows.length },
    });
    return rows.map((row) => ({
      rowNumber: row.rowNumber,
      label: row.label,
      secret: decryptColumnValue(t.keyring, 'imports_handout', 'secret_enc', row.secretEnc),
    }));
  });
}
