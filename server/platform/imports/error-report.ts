import type { Readable } from 'node:stream';
import type { Ctx } from '../context.ts';
import type { ImportColumn } from './import-kind.ts';
import type { AnyImportKind } from './import-kind.ts';
import { listRowErrors, type RowErrorRow, type RunRow, rowErrorsBetween } from './imports.store.ts';
import { ownRun } from './run-actions.ts';
import { batched, openRunSheet } from './run-sheet.ts';
import { type ReportRow, streamed, writeErrorReport } from './xlsx-files.ts';

const batchSize = 500;

function byRow(errors: readonly RowErrorRow[]): Map<number, RowErrorRow[]> {
  const rows = new Map<number, RowErrorRow[]>();
  for (const error of errors) rows.set(error.rowNumber, [...(rows.get(error.rowNumber) ?? []), error]);
  return rows;
}

/** With the file still kept: the refused rows as uploaded, batch by batch, with their errors. */
async function* rowsFromFile(ctx: Ctx, run: RunRow, sheet: Awaited<ReturnType<typeof openRunSheet>>) {
  for await (const batch of batched(sheet.rows, batchSize)) {
    const errors = byRow(
      await rowErrorsBetween(ctx.db, ctx.countyCode, run, batch[0]!.rowNumber, batch.at(-1)!.rowNumber),
    );
    for (const row of batch) {
      const found = errors.get(row.rowNumber);
      if (found) yield { rowNumber: row.rowNumber, cells: row.cells, errors: found } satisfies ReportRow;
    }
  }
}

/** Once committed (the file is gone): the errors alone, page by page. */
async function* rowsFromErrors(ctx: Ctx, run: RunRow): AsyncGenerator<ReportRow> {
  let rowNumber = -1;
  let errors: RowErrorRow[] = [];
  for (let offset = 0; ; offset += batchSize) {
    const { rows } = await listRowErrors(ctx.db, ctx.countyCode, run, { limit: batchSize, offset });
    for (const error of rows) {
      if (error.rowNumber !== rowNumber && errors.length > 0) yield { rowNumber, cells: null, errors };
      if (error.rowNumber !== rowNumber) errors = [];
      rowNumber = error.rowNumber;
      errors.push(error);
    }
    if (rows.length < batchSize) break;
  }
  if (errors.length > 0) yield { rowNumber, cells: null, errors };
}

/** The columns of the uploaded file by position, as the header row mapped them. */
function fileColumnsOf(map: ReadonlyArray<{ index: number; column: ImportColumn }>): (ImportColumn | null)[] {
  const width = Math.max(0, ...map.map((m) => m.index + 1));
  return Array.from({ length: width }, (_, i) => map.find((m) => m.index === i)?.column ?? null);
}

/** The error report of one of the actor's runs, as a streamed .xlsx. */
export async function errorReportOf(
  ctx: Ctx,
  kind: AnyImportKind,
  id: string,
): Promise<{ run: RunRow; body: Readable }> {
  const run = await ownRun(ctx, kind, id);
  const fileKept = run.status !== 'committed' && run.status !== 'discarded';
  const sheet = fileKept ? await openRunSheet(ctx, run, kind).catch(() => null) : null;
  const columns = sheet ? fileColumnsOf(sheet.map) : [];
  const rows = sheet ? rowsFromFile(ctx, run, sheet) : rowsFromErrors(ctx, run);
  return { run, body: streamed((out) => writeErrorReport(out, ctx, kind, columns, rows)) };
}
