import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from '../../server/platform/db/database.ts';

/** One statement as the server's code sent it. */
export interface TimedStatement {
  label: string;
  startMs: number;
  endMs: number;
  /** The statement and its parameters, when asked for (to EXPLAIN it afterwards). */
  text?: string;
  params?: unknown[];
}

/** "insert cases_photo", "select audit_chain_head for update", "begin": the verb and the first table named. */
export function statementLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const verb = (/^\w+/.exec(flat)?.[0] ?? '?').toLowerCase();
  if (['begin', 'commit', 'rollback'].includes(verb)) return verb;
  const table = /\b(?:from|into|update)\s+"?([a-z_]+)"?/i.exec(flat)?.[1] ?? (/nextval/.test(flat) ? 'sequence' : '');
  return `${verb} ${table}${/for update/i.test(flat) ? ' for update' : ''}`.trim();
}

export interface StatementTiming {
  start(): void;
  stop(): TimedStatement[];
  uninstall(): void;
}

type QueryFn = (...args: unknown[]) => unknown;

/** Wraps a query function so each call is timed into `sink()` (when recording); the call itself is unchanged. */
function timed(original: QueryFn, self: unknown, sink: () => TimedStatement[] | null, keepText: boolean): QueryFn {
  return (...args: unknown[]) => {
    const into = sink();
    if (!into) return original.apply(self, args);
    const startMs = performance.now();
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
    // (text, values), (config, values) as drizzle calls it, or a config object carrying its values.
    const params = Array.isArray(args[1]) ? args[1] : (first as { values?: unknown } | undefined)?.values;
    const record = () =>
      into.push({
        label: statementLabel(text),
        startMs,
        endMs: performance.now(),
        ...(keepText ? { text, params: Array.isArray(params) ? params : [] } : {}),
      });
    // pg.Pool#query calls Client#query with a callback and no promise: time it through the callback.
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as (...a: unknown[]) => unknown;
      return original.apply(self, [
        ...args.slice(0, -1),
        (...a: unknown[]) => {
          record();
          return callback(...a);
        },
      ]);
    }
    const result = original.apply(self, args);
    if (!(result instanceof Promise)) return result;
    return result.then((value: unknown) => {
      record();
      return value;
    });
  };
}

/**
 * Times every statement the server's code sends, without changing any of it: on PostgreSQL by wrapping
 * pg.Client#query (which drizzle's node-postgres driver and pg.Pool both call); on PGlite by wrapping the
 * instance's query and the query of each transaction it hands to drizzle. PGlite runs BEGIN and COMMIT itself,
 * so there they are the time from entering `transaction()` to its first statement, and from the last to its end.
 */
export function installStatementTiming(
  database: Database,
  { keepText = false }: { keepText?: boolean } = {},
): StatementTiming {
  let recording: TimedStatement[] | null = null;
  const sink = () => recording;
  let uninstall: () => void;
  if (database.engine === 'postgres') {
    const proto = pg.Client.prototype as unknown as { query: QueryFn };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      return timed(original, this, sink, keepText)(...args);
    };
    uninstall = () => {
      proto.query = original;
    };
  } else {
    const lite = database.pglite as PGlite;
    const query = lite.query;
    const transaction = lite.transaction;
    lite.query = timed(query as QueryFn, lite, sink, keepText) as PGlite['query'];
    lite.transaction = (<T>(callback: (tx: Transaction) => Promise<T>) => {
      const into = recording;
      const began = performance.now();
      let first: number | undefined;
      let last = began;
      return transaction
        .call(lite, (tx: Transaction) => {
          const txQuery = timed(tx.query as QueryFn, tx, sink, keepText);
          const wrapped = Object.create(tx) as Transaction;
          wrapped.query = ((...args: unknown[]) => {
            first ??= performance.now();
            return (txQuery(...args) as Promise<unknown>).then((v) => {
              last = performance.now();
              return v;
            });
          }) as Transaction['query'];
          return callback(wrapped);
        })
        .finally(() => {
          into?.push({ label: 'begin', startMs: began, endMs: first ?? began });
          into?.push({ label: 'commit', startMs: last, endMs: performance.now() });
        });
    }) as PGlite['transaction'];
    uninstall = () => {
      lite.query = query;
      lite.transaction = transaction;
    };
  }
  return {
    start() {
      recording = [];
    },
    stop() {
      const out = recording ?? [];
      recording = null;
      return out;
    },
    uninstall,
  };
}
