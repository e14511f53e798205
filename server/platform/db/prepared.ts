import { is, SQL, sql } from 'drizzle-orm';
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

/**
 * A hot-path insert of one row into `table`, prepared per set of columns given (an omitted column takes its
 * default, as with drizzle's own insert): a row of the same shape reuses the statement. Values go through the
 * columns' own mapping (jsonb, timestamps) as in a plain insert.
 */
/** Shapes one insert may take before further ones are sent as drizzle builds them (a bound on named statements). */
const maxShapes = 32;

export function preparedInsert<Row extends Record<string, unknown>>(
  name: string,
  table: PgTable,
  extra: Record<string, SQL> = {},
): (db: Db, row: Row) => Promise<void> {
  const byShape = new Map<string, (db: Db, values: Record<string, unknown>) => Promise<unknown>>();
  return async (db, row) => {
    // A value that is itself SQL (an expression) cannot be a parameter: such a row is inserted as drizzle builds it.
    if (Object.values(row).some((v) => is(v, SQL))) return insertAsBuilt(db, name, table, row, extra);
    // A null goes in as the literal (a column's mapping would be handed null otherwise, and a timestamp's fails).
    const columns = Object.keys(row)
      .filter((k) => row[k] !== undefined && !(k in extra))
      .sort()
      .map((k) => (row[k] === null ? `${k}=null` : k));
    const shape = columns.join(',');
    let insert = byShape.get(shape);
    if (!insert) {
      if (byShape.size >= maxShapes) return insertAsBuilt(db, name, table, row, extra);
      const values = Object.fromEntries(
        columns.map((c) => (c.endsWith('=null') ? [c.slice(0, -5), sql`null`] : [c, sql.placeholder(c)])),
      );
      insert = preparedStatement(`${name}#${byShape.size + 1}`, (built) =>
        built.insert(table).values({ ...values, ...extra } as never),
      );
      byShape.set(shape, insert);
    }
    await insert(db, row);
  };
}

/** The plain insert, for rows the prepared shapes do not cover; `extra`'s placeholders have no values there. */
async function insertAsBuilt(db: Db, name: string, table: PgTable, row: object, extra: object): Promise<void> {
  if (Object.keys(extra).length > 0) throw new Error(`${name}: this row cannot be inserted without its statement`);
  await db.insert(table).values(row as never);
}
