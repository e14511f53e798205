import { rawCellOf, trimCell } from './cell-parsers.ts';
import type { ImportColumn } from './import-kind.ts';

/** Which column of the file holds which of the kind's columns (by position, 0 = A). */
export type ColumnMap = ReadonlyArray<{ index: number; column: ImportColumn }>;

/** Why a header row does not fit the kind's template: the headers missing and the ones nobody declared. */
export interface HeaderMismatch {
  missing: ImportColumn[];
  unknown: string[];
  repeated: string[];
}

/** A header as written, compared loosely: 用户名 / 用户名* / Username / username all name one column. */
function headerKey(text: string): string {
  return trimCell(text.normalize('NFKC'))
    .replace(/[*＊]$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function namesOf(column: ImportColumn): string[] {
  return [column.header.zh, column.header.en, column.key].map(headerKey);
}

function headerText(cell: unknown): string {
  const raw = rawCellOf(cell);
  return raw.ok && raw.value !== null ? String(raw.value) : '';
}

/**
 * Matches the header row against the kind's columns. Every required column must be there; an optional one may
 * be left out; a header that names no column, or names one twice, makes the file another template.
 */
export function matchHeaders(
  cells: readonly unknown[],
  columns: readonly ImportColumn[],
): { ok: true; map: ColumnMap } | { ok: false; mismatch: HeaderMismatch } {
  const byName = new Map(columns.flatMap((column) => namesOf(column).map((name) => [name, column] as const)));
  const map: Array<{ index: number; column: ImportColumn }> = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  cells.forEach((cell, index) => {
    const text = headerText(cell);
    if (trimCell(text) === '') return;
    const column = byName.get(headerKey(text));
    if (!column) unknown.push(trimCell(text));
    else if (map.some((m) => m.column === column)) repeated.push(trimCell(text));
    else map.push({ index, column });
  });
  const missing = columns.filter((c) => c.required && !map.some((m) => m.column === c));
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0)
    return { ok: false, mismatch: { missing, unknown, repeated } };
  return { ok: true, map };
}
