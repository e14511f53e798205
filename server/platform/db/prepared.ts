import { type Column, getTableColumns, SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';
import { normaliseRows, type RawResult } from './rows.ts';

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
  /**
   * The statement around the insert (a data-modifying WITH), its placeholders filled from the row's fields.
   * `riders` is the WITH list of the rows riding along (empty or ending in a comma): the statement must begin
   * `with ${riders}`.
   */
  around?: (insert: SQLWrapper & { getSQL(): SQL }, riders: SQL) => SQL;
}

/** A row of another prepared insert carried by this statement, as one more data-modifying WITH. */
export interface Rider {
  insert: PreparedInsert<never>;
  row: object;
}

export interface PreparedInsert<Row extends object> {
  /**
   * Inserts `row`; each rider's row goes in with it, in the same statement and round trip (a data-modifying
   * WITH runs once whatever the outer statement reads). Riders must not depend on each other's rows. The answer
   * is what the statement returns (`around` may add RETURNING), normalised as `queryRows` does.
   */
  (db: Db, row: Row, riders?: readonly Rider[]): Promise<Record<string, unknown>[]>;
  readonly name: string;
  /** The columns given and their driver values, or undefined when the row cannot be prepared (an SQL value). */
  readonly shapeOf: (row: object) => RowShape | undefined;
  readonly table: PgTable;
  /** Its VALUES with placeholders named `prefix` + field, for a statement that carries its row. */
  readonly valuesWith: (shape: RowShape, prefix: string) => Record<string, unknown>;
  /** Computed columns or a statement around it: its SQL is its own, so its rows cannot ride. */
  readonly ownSql: boolean;
}

interface RowShape {
  key: string;
  given: string[];
  /** The row's fields with its columns' values mapped for the driver (jsonb, timestamps). */
  values: Record<string, unknown>;
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
): PreparedInsert<Row> {
  const columns = getTableColumns(table);
  // The same call site gives its fields in the same order: the sorted shape is looked up, not sorted per row.
  const sortedShapes = new Map<string, { given: string[]; key: string }>();
  const shapeOf = (row: object): RowShape | undefined => {
    const fields = row as Record<string, unknown>;
    const present: string[] = [];
    for (const k in fields) {
      const value = fields[k];
      if (value === undefined || !(k in columns) || k in computed) continue;
      // A value that is itself SQL (an expression) cannot be a parameter: such a row goes in as drizzle builds it.
      if (value instanceof SQL) return undefined;
      present.push(k);
    }
    const seen = present.join(',');
    let sorted = sortedShapes.get(seen);
    if (!sorted) {
      const given = [...present].sort();
      sorted = { given, key: given.join(',') };
      if (sortedShapes.size < maxShapes * 4) sortedShapes.set(seen, sorted);
    }
    const values: Record<string, unknown> = { ...fields };
    for (const k of sorted.given)
      values[k] = fields[k] === null ? null : (columns[k] as Column).mapToDriverValue(fields[k]);
    return { ...sorted, values };
  };
  /** The insert's VALUES with placeholders named `prefix` + field (riders get r0., r1., …). */
  const valuesWith = (shape: RowShape, prefix: string) => ({
    ...Object.fromEntries(shape.given.map((k) => [k, sql`${sql.placeholder(prefix + k)}`])),
    ...(prefix === '' ? computed : {}),
  });
  const statements = new Map<string, (db: Db, values: Record<string, unknown>) => Promise<unknown>>();
  const insert = async (db: Db, row: Row, riders: readonly Rider[] = []): Promise<Record<string, unknown>[]> => {
    const shape = shapeOf(row);
    const riderShapes = riders.map((r) => r.insert.shapeOf(r.row));
    if (!shape || riderShapes.some((r) => r === undefined) || riders.some((r) => r.insert.ownSql)) {
      await insertEach(db, riders);
      if (!shape) return insertAsBuilt(db, name, table, row, computed, around);
      return insert(db, row);
    }
    const key = [shape.key, ...riders.map((r, i) => `${r.insert.name}(${riderShapes[i]?.key})`)].join('|');
    let statement = statements.get(key);
    if (!statement && statements.size < maxShapes) {
      statement = preparedStatement(`${name}#${statements.size + 1}`, (built) => {
        const ridden = riders.map((rider, i) =>
          built
            .insert(rider.insert.table)
            .values(rider.insert.valuesWith(riderShapes[i] as RowShape, `r${i}.`) as never),
        );
        const withList = ridden.map((query, i) => sql`${sql.raw(`r${i}`)} as ${query}`);
        const query = built.insert(table).values(valuesWith(shape, '') as never);
        if (around) return preparedSql(built, around(query, sql.join(withList.map((w) => sql`${w}, `))));
        if (riders.length === 0) return query;
        // getSQL(): the statement itself, not bracketed as drizzle brackets an embedded query.
        return preparedSql(built, sql`with ${sql.join(withList, sql`, `)} ${query.getSQL()}`);
      });
      statements.set(key, statement);
    }
    if (!statement) {
      await insertEach(db, riders);
      return insertAsBuilt(db, name, table, row, computed, around);
    }
    const values: Record<string, unknown> = { ...shape.values };
    riderShapes.forEach((rider, i) => {
      for (const k of (rider as RowShape).given) values[`r${i}.${k}`] = (rider as RowShape).values[k];
    });
    return normaliseRows((await statement(db, values)) as RawResult);
  };
  const ownSql = Object.keys(computed).length > 0 || around !== undefined;
  // A function's own `name` is read-only to assignment; the statement's name replaces it.
  Object.defineProperty(insert, 'name', { value: name });
  return Object.assign(insert, { shapeOf, table, valuesWith, ownSql }) as unknown as PreparedInsert<Row>;
}

/** Riders that cannot share the statement go in one by one, before it. */
async function insertEach(db: Db, riders: readonly Rider[]): Promise<void> {
  for (const rider of riders) await rider.insert(db, rider.row as never);
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
): Promise<Record<string, unknown>[]> {
  if (around || Object.keys(computed).length > 0)
    throw new Error(`${name}: this row has a shape the prepared insert cannot take`);
  await db.insert(table).values(row as never);
  return [];
}
