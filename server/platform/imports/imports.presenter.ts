import type { Ctx } from '../context.ts';
import { translate } from '../i18n/translate.ts';
import type { AnyImportKind } from './import-kind.ts';
import type { RowErrorRow, RunRow } from './imports.store.ts';
import { liveProgress } from './progress.ts';

/** A run as its owner sees it; an all-or-nothing commit running in this process reports its live progress. */
export function presentRun(ctx: Ctx, run: RunRow, handouts: number) {
  const live = run.status === 'committing' ? liveProgress(run.id) : undefined;
  return {
    id: run.id,
    kind: run.kind,
    fileName: run.fileName,
    format: run.format,
    fileBytes: run.fileBytes,
    status: run.status,
    mode: run.mode ?? null,
    totalRows: run.totalRows,
    validRows: Math.max(0, run.totalRows - run.errorRows),
    errorRows: run.errorRows,
    processedRows: Math.max(run.processedRows, live ?? 0),
    committedRows: run.committedRows,
    skippedRows: run.skippedRows,
    failure: run.failureCode ? translate(ctx.locale, run.failureCode, run.failureParams ?? {}) : null,
    hasHandouts: handouts > 0,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function presentRowError(ctx: Ctx, kind: AnyImportKind, error: RowErrorRow) {
  const column = kind.columns.find((c) => c.key === error.column);
  return {
    rowNumber: error.rowNumber,
    column: error.column,
    columnHeader: column ? column.header[ctx.locale] : null,
    code: error.code,
    message: translate(ctx.locale, error.code, error.params),
    phase: error.phase,
  };
}

export function presentKind(ctx: Ctx, kind: AnyImportKind, maxBytes: number) {
  return {
    key: kind.key,
    title: kind.title[ctx.locale],
    columns: kind.columns.map((column) => ({
      key: column.key,
      header: column.header[ctx.locale],
      required: column.required ?? false,
      type: column.type,
      example: column.example,
      note: column.note?.[ctx.locale] ?? '',
    })),
    maxBytes,
  };
}
