import { createHash } from 'node:crypto';
import type { Ctx } from '../context.ts';
import type { AnyImportKind } from './import-kind.ts';
import { claimRowKeys } from './imports.store.ts';
import type { CheckedRow } from './row-check.ts';

/**
 * Duplicates, the two ways a registry repeats itself: a row repeating an earlier row of the file (found through
 * the run's key table, so the check's memory does not grow with the file), and a row naming what the database
 * already holds (asked of the kind, one query per batch). Both add an issue to the row's unique column.
 */

/** Keys are kept hashed: the key table outlives nothing but the dry run, and holds no login name in clear. */
function hashedKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 32);
}

function keyedRows(kind: AnyImportKind, rows: readonly CheckedRow[]) {
  const unique = kind.unique;
  if (!unique) return [];
  return rows
    .filter((row) => row.values[unique.column] !== null && !row.issues.some((i) => i.column === unique.column))
    .map((row) => ({ row, key: unique.keyOf(row.values) }));
}

/** Marks rows whose key an earlier row of the file holds (first row wins). */
export async function markFileDuplicates(
  t: Ctx,
  runId: string,
  kind: AnyImportKind,
  rows: readonly CheckedRow[],
): Promise<void> {
  const keyed = keyedRows(kind, rows);
  const earlier = await claimRowKeys(
    t.db,
    t.countyCode,
    runId,
    keyed.map(({ row, key }) => ({ key: hashedKey(key), rowNumber: row.rowNumber })),
  );
  for (const { row } of keyed) {
    const first = earlier.get(row.rowNumber);
    if (first !== undefined && first !== row.rowNumber)
      row.issues.push({ column: kind.unique!.column, code: 'imports.row.duplicate', params: { row: first } });
  }
}

/** Marks the still-valid rows whose key the database already holds. */
export async function markDatabaseDuplicates(t: Ctx, kind: AnyImportKind, rows: readonly CheckedRow[]): Promise<void> {
  const keyed = keyedRows(kind, rows).filter(({ row }) => row.issues.length === 0);
  if (keyed.length === 0) return;
  const existing = await kind.unique!.existing(t, [...new Set(keyed.map((k) => k.key))]);
  for (const { row, key } of keyed)
    if (existing.has(key)) row.issues.push({ column: kind.unique!.column, code: 'imports.row.exists' });
}

/** Within one batch (the commit's re-check): a later row repeating an earlier one of the same batch. */
export function markBatchDuplicates(kind: AnyImportKind, rows: readonly CheckedRow[]): void {
  const seen = new Map<string, number>();
  for (const { row, key } of keyedRows(kind, rows)) {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row.rowNumber);
    else row.issues.push({ column: kind.unique!.column, code: 'imports.row.duplicate', params: { row: first } });
  }
}
