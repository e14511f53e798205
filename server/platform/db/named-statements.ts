import type pg from 'pg';

/**
 * Named prepared statements for node-postgres, decided by the statement's text. node-postgres sends a
 * parameterised query unnamed unless told otherwise, so PostgreSQL parses and plans it on every call; named, a
 * connection parses it once and then only binds and executes (what `pgbench -M prepared` does). Measured on the
 * case intake (bench/results/capacity.json): the database's CPU per intake falls by about a fifth.
 *
 * The same text always gets the same name, in every connection of the process (each connection parses it the
 * first time it meets it: node-postgres remembers which it has). Only statements with parameters are named —
 * those use the extended protocol anyway, and one text is then one statement. The number of names is bounded
 * (`maxNames`): a statement text built per call (an `in (…)` list of varying length) would otherwise keep adding
 * prepared statements to every connection; past the bound, new texts go unnamed as before.
 *
 * Off with `WENMING_PG_NAMED_STATEMENTS=off`, for a connection pooler in transaction mode (PgBouncer before
 * 1.21), where a prepared statement is not found on the next transaction's server connection.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly maxNames = 2000) {}

  /** The statement's name, or undefined when the bound is reached and `text` has none yet. */
  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= this.maxNames) return known;
    const name = `wenming_${this.names.size + 1}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

export function namedStatementsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.WENMING_PG_NAMED_STATEMENTS ?? 'on').toLowerCase() !== 'off';
}

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Makes `client` send its parameterised statements named by `names` (install once per connection). */
export function nameStatements(client: pg.ClientBase, names: StatementNames): void {
  const send = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (config, values, callback) => {
    const named = namedConfig(config, values, names);
    return named === undefined ? send(config, values, callback) : send(named, values, callback);
  };
}

interface QueryConfigLike {
  text?: unknown;
  name?: unknown;
  values?: unknown;
  /** A Submittable (cursor, stream) brings its own protocol handling: left alone. */
  submit?: unknown;
}

function namedConfig(config: unknown, values: unknown, names: StatementNames): object | undefined {
  const isText = typeof config === 'string';
  const object = isText ? undefined : (config as QueryConfigLike | null | undefined);
  if (!isText && (typeof object !== 'object' || object === null || object.name || object.submit)) return undefined;
  const text = isText ? config : object?.text;
  const params = Array.isArray(values) ? values : object?.values;
  if (typeof text !== 'string' || !Array.isArray(params) || params.length === 0) return undefined;
  const name = names.nameOf(text);
  if (name === undefined) return undefined;
  return isText ? { text, name } : { ...object, name };
}
