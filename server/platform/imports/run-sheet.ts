import { AppError } from '../http/app-error.ts';
import type { Ctx } from '../context.ts';
import { type ColumnMap, type HeaderMismatch, matchHeaders } from './headers.ts';
import type { AnyImportKind, ImportColumn } from './import-kind.ts';
import type { RunRow } from './imports.store.ts';
import { maxMergedRanges, readMergedRanges } from './merged-cells.ts';
import { type MergedIndex, mergedIndexOf } from './row-check.ts';
import { runFileStream } from './run-file.ts';
import { readSheetRows, type SheetFormat, SheetFormatError, type SheetRow } from './sheet-reader.ts';
import type { Readable } from 'node:stream';

/** A run's sheet, opened for a pass: its data rows (after the header), the column map and the merged ranges. */
export interface OpenSheet {
  rows: AsyncGenerator<SheetRow>;
  map: ColumnMap;
  merged: MergedIndex;
}

/** The headers' problem as the field error the upload answers (and a failed run records). */
export function headerError(mismatch: HeaderMismatch, locale: 'zh' | 'en'): AppError {
  const names = (columns: readonly string[]) => columns.join(locale === 'en' ? ', ' : '、');
  const headerOf = (column: ImportColumn) => column.header[locale];
  if (mismatch.missing.length > 0)
    return AppError.field('file', 'imports.file.headers_missing', { columns: names(mismatch.missing.map(headerOf)) });
  if (mismatch.unknown.length > 0)
    return AppError.field('file', 'imports.file.headers_unknown', { columns: names(mismatch.unknown.slice(0, 10)) });
  return AppError.field('file', 'imports.file.headers_repeated', { columns: names(mismatch.repeated) });
}

/**
 * Opens a sheet from `open()` (called once per read: the merged ranges of an .xlsx are a read of their own):
 * reads the merged ranges, then the header row, which must match the kind's columns.
 */
export async function openSheet(
  open: () => Readable,
  format: SheetFormat,
  kind: AnyImportKind,
  locale: 'zh' | 'en',
): Promise<OpenSheet> {
  const ranges = format === 'xlsx' ? await readMergedRanges(open()) : [];
  if (ranges.length >= maxMergedRanges)
    throw AppError.field('file', 'imports.file.too_many_merged', { limit: maxMergedRanges });
  const rows = readSheetRows(open(), format);
  let first: IteratorResult<SheetRow>;
  try {
    first = await rows.next();
  } catch (error) {
    if (error instanceof SheetFormatError) throw AppError.field('file', error.code);
    throw error;
  }
  if (first.done) {
    await rows.return(undefined);
    throw AppError.field('file', 'imports.file.empty');
  }
  const matched = matchHeaders(first.value.cells, kind.columns);
  if (!matched.ok) {
    await rows.return(undefined);
    throw headerError(matched.mismatch, locale);
  }
  return { rows, map: matched.map, merged: mergedIndexOf(ranges) };
}

/** The stored file of a run, opened for a background pass. */
export function openRunSheet(ctx: Ctx, run: RunRow, kind: AnyImportKind): Promise<OpenSheet> {
  return openSheet(() => runFileStream(ctx, run), run.format, kind, ctx.locale);
}

/** Rows in batches of `size` (a batch is one transaction and one statement per table). */
export async function* batched<T>(rows: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A sheet format error met while streaming the rows, as the field error it stands for. */
export function asFileError(error: unknown): unknown {
  return error instanceof SheetFormatError ? AppError.field('file', error.code) : error;
}
