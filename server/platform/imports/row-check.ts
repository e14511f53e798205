import { parseCell, rawCellOf } from './cell-parsers.ts';
import type { ColumnMap } from './headers.ts';
import type { AnyImportKind, CellValue, ImportRow, RowIssue } from './import-kind.ts';
import type { MergedRange } from './merged-cells.ts';
import type { SheetRow } from './sheet-reader.ts';

/** A row read and checked: its values by column key and what is wrong with it (nothing, for a valid row). */
export interface CheckedRow {
  rowNumber: number;
  values: ImportRow;
  issues: RowIssue[];
}

/**
 * At most this many errors are kept per row, the last one saying how many more there were: a row of 40 empty
 * required cells reports five and "35 more", so 100,000 broken rows stay a bounded report.
 */
export const maxIssuesPerRow = 5;

export function capIssues(issues: readonly RowIssue[]): RowIssue[] {
  if (issues.length <= maxIssuesPerRow) return [...issues];
  const more = issues.length - (maxIssuesPerRow - 1);
  return [
    ...issues.slice(0, maxIssuesPerRow - 1),
    { column: null, code: 'imports.row.more_errors', params: { count: more } },
  ];
}

/** Merged ranges by the data rows they cover, keyed to the mapped column they start in. */
export type MergedIndex = ReadonlyMap<number, ReadonlyArray<{ columnIndex: number; ref: string }>>;

export function mergedIndexOf(ranges: readonly MergedRange[]): MergedIndex {
  const index = new Map<number, Array<{ columnIndex: number; ref: string }>>();
  for (const range of ranges)
    for (let row = Math.max(range.firstRow, 2); row <= range.lastRow; row += 1) {
      const list = index.get(row) ?? [];
      list.push({ columnIndex: range.firstColumn, ref: range.ref });
      index.set(row, list);
    }
  return index;
}

/** Every cell of a row parsed by its column's type; a cell that cannot be read is an issue of its column. */
function parseRow(row: SheetRow, map: ColumnMap, kind: AnyImportKind) {
  const values: Record<string, CellValue> = Object.fromEntries(kind.columns.map((column) => [column.key, null]));
  const issues: RowIssue[] = [];
  for (const { index, column } of map) {
    const raw = rawCellOf(row.cells[index]);
    const parsed = raw.ok ? parseCell(raw.value, column) : raw;
    if (parsed.ok) values[column.key] = parsed.value;
    else issues.push({ column: column.key, code: parsed.code, ...(parsed.params ? { params: parsed.params } : {}) });
  }
  return { values, issues };
}

function mergedIssues(row: SheetRow, map: ColumnMap, merged: MergedIndex): RowIssue[] {
  return (merged.get(row.rowNumber) ?? []).map(({ columnIndex, ref }) => ({
    column: map.find((m) => m.index === columnIndex)?.column.key ?? null,
    code: 'imports.cell.merged',
    params: { range: ref },
  }));
}

/**
 * One row through the platform's checks (cells, merged ranges) and, when those pass, the kind's own. Pure: the
 * kind's reference data was loaded once for the pass.
 */
export function checkRow<Reference>(
  row: SheetRow,
  map: ColumnMap,
  kind: AnyImportKind,
  reference: Reference,
  merged: MergedIndex,
): CheckedRow {
  const { values, issues } = parseRow(row, map, kind);
  issues.push(...mergedIssues(row, map, merged));
  if (issues.length === 0) issues.push(...kind.checkRow(values, reference));
  return { rowNumber: row.rowNumber, values, issues };
}
