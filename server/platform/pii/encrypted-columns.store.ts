import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { queryRows } from '../db/rows.ts';

/** One encrypted column of one table, and the table's primary-key columns in key order. */
export interface EncryptedColumn {
  table: string;
  column: string;
  keyColumns: readonly string[];
}

/** A row of an encrypted column: its primary-key values by column name, and the stored value in `__value`. */
export type EncryptedRow = Record<string, unknown>;

/** The table's primary-key columns in key order, from the catalog (same answer on both engines). */
export async function primaryKeyColumns(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ column_name: string }>(
    db,
    sql`select kcu.column_name from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema and kcu.table_name = tc.table_name
      where tc.table_schema = 'public' and tc.table_name = ${table} and tc.constraint_type = 'PRIMARY KEY'
      order by kcu.ordinal_position`,
  );
  return rows.map((r) => r.column_name);
}

/**
 * A page of values that do not start with `currentPrefix` (another scheme or key), after the primary key
 * `after`, locked for the caller's transaction. Rows are walked in primary-key order (keyset paging).
 */
export async function staleEncryptedRows(
  db: Db,
  target: EncryptedColumn,
  page: { currentPrefix: string; after: unknown[] | null; limit: number },
): Promise<EncryptedRow[]> {
  const column = sql.identifier(target.column);
  const keys = sql.join(
    target.keyColumns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const { currentPrefix: prefix } = page;
  const afterKey = page.after ? sql`and ${keyTuple(target.keyColumns)} > ${valueTuple(page.after)}` : sql``;
  // Compared with left(), not LIKE: key ids may contain '_', which LIKE reads as a wildcard.
  return queryRows<EncryptedRow>(
    db,
    sql`select ${keys}, ${column} as "__value" from ${sql.identifier(target.table)}
    where ${column} is not null and left(${column}, ${prefix.length}) <> ${prefix} ${afterKey}
    order by ${keys} limit ${page.limit} for update`,
  );
}

/** Replaces one row's value, only if it still holds `old` (the row is locked by `staleEncryptedRows`). */
export async function replaceEncryptedValue(
  db: Db,
  target: EncryptedColumn,
  row: EncryptedRow,
  old: string,
  fresh: string,
): Promise<void> {
  const column = sql.identifier(target.column);
  const key = valueTuple(target.keyColumns.map((c) => row[c]));
  await db.execute(sql`update ${sql.identifier(target.table)} set ${column} = ${fresh}
      where ${keyTuple(target.keyColumns)} = ${key} and ${column} = ${old}`);
}

/** How many values of a column are on each key id (the second part of `scheme.keyId.…`). */
export async function countValuesByKey(
  db: Db,
  table: string,
  column: string,
): Promise<Array<{ keyId: string; count: number }>> {
  const value = sql.identifier(column);
  const rows = await queryRows<{ key_id: string; n: number }>(
    db,
    sql`select split_part(${value}, '.', 2) as key_id, count(*)::int as n from ${sql.identifier(table)}
        where ${value} is not null group by 1 order by 1`,
  );
  return rows.map((row) => ({ keyId: row.key_id, count: Number(row.n) }));
}

function keyTuple(columns: readonly string[]): SQL {
  return sql`(${sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  )})`;
}

function valueTuple(values: unknown[]): SQL {
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}
