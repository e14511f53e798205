import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

const digits = /^\d{2,12}$/;

/**
 * `column` lies in the region subtree rooted at `code` (the region itself and everything below it).
 * Region codes are prefix-hierarchical and stored with the C collation, so this is an index range scan.
 * This is the data-scope predicate stores add for the actor (DESIGN rule 1); `isInSubtree` in
 * region-scope.ts is the same test in memory.
 */
export function regionSubtree(column: AnyColumn | SQL, code: string): SQL {
  if (!digits.test(code)) throw new Error(`not a region code: ${JSON.stringify(code)}`);
  return sql`${column} like ${`${code}%`}`;
}
