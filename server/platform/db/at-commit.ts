import type { Ctx } from '../context.ts';
import type { PreparedInsert, Rider } from './prepared.ts';

/**
 * Inserts `row` at the end of the transaction, carried by the statement that appends its audit row (or, with
 * none, in one statement of its own): every round trip wakes both the server and the database, and an intake's
 * outbox event and idempotency record are rows nothing in the transaction reads back. Outside `tx()` (or in a
 * context without the queue) the row goes in now. A failure (a duplicate key) fails the commit all the same.
 */
export async function insertAtCommit<Row extends object>(t: Ctx, insert: PreparedInsert<Row>, row: Row): Promise<void> {
  if (!t.atCommit) {
    await insert(t.db, row);
    return;
  }
  t.atCommit.push({ insert: insert as unknown as PreparedInsert<never>, row });
}

/** The rows queued so far, for a statement that carries them; the queue is left empty. */
export function takeAtCommit(t: Ctx): Rider[] {
  return t.atCommit ? t.atCommit.splice(0) : [];
}

/** Writes what no statement carried: the first row's statement carries the rest. */
export async function flushAtCommit(t: Ctx): Promise<void> {
  const [first, ...rest] = takeAtCommit(t);
  if (first) await first.insert(t.db, first.row as never, rest);
}
