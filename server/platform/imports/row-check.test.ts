import { describe, expect, it } from 'vitest';
import { matchHeaders } from './headers.ts';
import type { ImportKind } from './import-kind.ts';
import { capIssues, checkRow, maxIssuesPerRow, mergedIndexOf } from './row-check.ts';

const kind: ImportKind<null> = {
  key: 'test.things',
  title: { zh: '物品', en: 'Things' },
  permission: 'x',
  columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((key) => ({
    key,
    header: { zh: `列${key}`, en: `Column ${key}` },
    required: true,
    type: 'integer' as const,
    example: '1',
  })),
  reference: async () => null,
  checkRow: (row) => (row.a === 13 ? [{ column: 'a', code: 'test.unlucky' }] : []),
  commit: async () => ({}),
};

describe('one row through the checks', () => {
  const matched = matchHeaders(['列a', 'Column b', 'c', '列d*', '列e', '列f', '列g'], kind.columns);
  if (!matched.ok) throw new Error('headers should match');

  it('reports each bad cell, and the kind rule only once the cells are readable', () => {
    const row = checkRow({ rowNumber: 2, cells: [13, 'x', null, 2, 3, 4, 5] }, matched.map, kind, null, new Map());
    expect(row.issues).toEqual([
      { column: 'b', code: 'imports.cell.not_integer' },
      { column: 'c', code: 'imports.cell.required' },
    ]);
    const fine = checkRow({ rowNumber: 3, cells: [13, 1, 1, 1, 1, 1, 1] }, matched.map, kind, null, new Map());
    expect(fine.issues).toEqual([{ column: 'a', code: 'test.unlucky' }]);
  });

  it('caps a row at five errors, the last saying how many more', () => {
    const row = checkRow({ rowNumber: 4, cells: [] }, matched.map, kind, null, new Map());
    expect(row.issues).toHaveLength(7);
    const capped = capIssues(row.issues);
    expect(capped).toHaveLength(maxIssuesPerRow);
    expect(capped.at(-1)).toEqual({ column: null, code: 'imports.row.more_errors', params: { count: 3 } });
  });

  it('refuses the cells of a merged range on every row it covers, never the header row', () => {
    const merged = mergedIndexOf([{ ref: 'B1:B3', firstRow: 1, lastRow: 3, firstColumn: 1 }]);
    expect([...merged.keys()]).toEqual([2, 3]);
    const row = checkRow({ rowNumber: 3, cells: [1, 1, 1, 1, 1, 1, 1] }, matched.map, kind, null, merged);
    expect(row.issues).toEqual([{ column: 'b', code: 'imports.cell.merged', params: { range: 'B1:B3' } }]);
  });

  it('names missing required columns, unknown and repeated headers', () => {
    const result = matchHeaders(['列a', '列a', '身份证号'], kind.columns);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.mismatch.missing.map((c) => c.key)).toEqual(['b', 'c', 'd', 'e', 'f', 'g']);
    expect(result.mismatch.unknown).toEqual(['身份证号']);
    expect(result.mismatch.repeated).toEqual(['列a']);
  });
});
