import { type Column, getTableColumns, is, SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';

/** What drizzle's `.prepare(name)` returns, as far as we use it. */
interface PreparedQuery<Result> {
  execute(placeholders?: Record<string, unknown>): Promise<Result>;
}

/** Where drizzle's session keeps the connection its statements go to (pool, PGlite, or a transaction's client). */
interface SessionHolder {
  session: { client: unknown; constructor: unknown };
}

/**
 * A hot-path statement built once, with `sql.placeholder(…)` for its values, and sent named, so neither drizzle
 * (building the SQL text and its field map costs more server CPU than anything else in a case intake,
 * bench/results/capacity.json) nor PostgreSQL (parse and plan) repeats the work per call.
 *
 * Drizzle binds a prepared query to the session it was built on, and a transaction is another session. So the
 * query is built once per engine (the SQL is the same; the driver's executor is not) and each call runs it on the
 * connection of the `db` it is given: inside `tx()` the transaction's own client, so it sees and writes the
 * transaction's rows (prepared.test.ts checks this on both engines, which guards the drizzle internals used here).
 */
export function preparedStatement<Placeholders extends Record<string, unknown>, Result>(
  name: string,
  build: (db: Db) => { prepare(name: string): PreparedQuery<Result> },
): (db: Db, values: Placeholders) => Promise<Result> {
  const built = new Map<unknown, PreparedQuery<Result>>();
  // One bound copy per connection object (the pool, PGlite, a pooled client a transaction runs on): few, reused.
  const bound = new WeakMap<object, PreparedQuery<Result>>();
  return (db, values) => {
    const session = (db as unknown as SessionHolder).session;
    const client = session.client as object;
    let onThisConnection = bound.get(client);
    if (!onThisConnection) {
      let prepared = built.get(session.constructor);
      if (!prepared) {
        prepared = build(db).prepare(name);
        built.set(session.constructor, prepared);
      }
      onThisConnection = Object.create(prepared, { client: { value: client } }) as PreparedQuery<Result>;
      bound.set(client, onThisConnection);
    }
    return onThisConnection.execute(values);
  };
}

/** Shapes (sets of columns given) one insert may take before further ones go in as drizzle builds them. */
const maxShapes = 32;

export interface PreparedInsertOptions {
  /** Columns whose value is SQL written here, its `sql.placeholder(…)`s filled from the row's fields. */
  computed?: Record<string, SQL>;
  /** The statement around the insert (a data-modifying WITH), its placeholders filled from the row's fields. */
  around?: (insert: SQLWrapper) => SQL;
}

/**
 * A hot-path insert of one row into `table`, prepared per set of columns given (an omitted column takes its
 * default, as with drizzle's own insert): a row of the same shape reuses the statement. Values are mapped by their
 * columns (jsonb, timestamps) as drizzle maps them, null staying null. The row may carry fields that are not
 * columns, for `computed` and `around`.
 */
export function preparedInsert<Row extends object>(
  name: string,
  table: PgTable,
  { computed = {}, around }: PreparedInsertOptions = {},
): (db: Db, row: Row) => Promise<void> {
  const columns = getTableColumns(table);
  const byShape = new Map<string, (db: Db, values: Record<string, unknown>) => Promise<unknown>>();
  return async (db, row) => {
    const fields = row as Record<string, unknown>;
    const given = Object.keys(fields)
      .filter((k) => fields[k] !== undefined && k in columns && !(k in computed))
      .sort();
    // A value that is itself SQL (an expression) cannot be a parameter: such a row goes in as drizzle builds it.
    if (given.some((k) => is(fields[k], SQL))) return insertAsBuilt(db, name, table, fields, computed, around);
    const shape = given.join(',');
    let insert = byShape.get(shape);
    if (!insert && byShape.size < maxShapes) {
      const values = { ...Object.fromEntries(given.map((k) => [k, sql`${sql.placeholder(k)}`])), ...computed };
      insert = preparedStatement(`${name}#${byShape.size + 1}`, (built) => {
        const query = built.insert(table).values(values as never);
        return around ? preparedSql(built, around(query)) : query;
      });
      byShape.set(shape, insert);
    }
    if (!insert) return insertAsBuilt(db, name, table, fields, computed, around);
    const mapped = Object.fromEntries(
      given.map((k) => [k, fields[k] === null ? null : (columns[k] as Column).mapToDriverValue(fields[k])]),
    );
    await insert(db, { ...fields, ...mapped });
  };
}

/** Raw SQL prepared as drizzle prepares `db.execute`'s (no result mapping). */
function preparedSql(db: Db, statement: SQL): { prepare(name: string): PreparedQuery<unknown> } {
  const { session, dialect } = db as unknown as {
    session: {
      prepareQuery(query: unknown, fields: undefined, name: string, arrayMode: boolean): PreparedQuery<unknown>;
    };
    dialect: { sqlToQuery(statement: SQL): unknown };
  };
  return { prepare: (name) => session.prepareQuery(dialect.sqlToQuery(statement), undefined, name, false) };
}

/**
 * The plain insert, for a row no prepared shape covers (an SQL value, or past `maxShapes`). A statement with
 * `computed` or `around` has placeholders only a prepared run fills: such a row is a programming error.
 */
async function insertAsBuilt(
  db: Db,
  name: string,
  table: PgTable,
  row: object,
  computed: object,
  around: PreparedInsertOptions['around'],
): Promise<void> {
  if (around || Object.keys(computed).length > 0)
    throw new Error(`${name}: this row has a shape the prepared insert cannot take`);
  await db.insert(table).values(row as never);
}
