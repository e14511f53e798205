/**
 * True when `code` is `root` or lies below it: region codes are prefix-hierarchical. The SQL form of this test,
 * for stores, is `regionSubtree` in region-scope.sql.ts.
 */
export function isInSubtree(code: string, root: string): boolean {
  return code.startsWith(root);
}
