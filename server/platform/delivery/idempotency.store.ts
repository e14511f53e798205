import { and, eq, lt, sql } from 'drizzle-orm';
import { idempotencyRecord } from '../../db/schema/delivery.ts';
import type { Db } from '../db/database.ts';
import { type PreparedInsert, preparedInsert, preparedStatement } from '../db/prepared.ts';

export type IdempotencyRecord = typeof idempotencyRecord.$inferSelect;

export async function findIdempotencyRecord(
  db: Db,
  regionCode: string,
  scope: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  return (await selectIdempotencyRecord(db, { regionCode, scope, key }))[0];
}

/** Every write from a phone or a partner looks up its key first: built once, sent named. */
const selectIdempotencyRecord = preparedStatement<
  { regionCode: string; scope: string; key: string },
  IdempotencyRecord[]
>('delivery.idempotency_record', (db) =>
  db
    .select()
    .from(idempotencyRecord)
    .where(
      and(
        eq(idempotencyRecord.regionCode, sql.placeholder('regionCode')),
        eq(idempotencyRecord.scope, sql.placeholder('scope')),
        eq(idempotencyRecord.key, sql.placeholder('key')),
      ),
    ),
);

/** Stored in the write's own transaction: a unique violation means another copy of the request won the race. */
export const insertIdempotencyRecord: PreparedInsert<typeof idempotencyRecord.$inferInsert> = preparedInsert(
  'delivery.insert_idempotency_record',
  idempotencyRecord,
);

/** Removes this county's records stored before `before` (the retry window has passed); answers how many went. */
export async function deleteIdempotencyRecordsBefore(db: Db, regionCode: string, before: Date): Promise<number> {
  const gone = await db
    .delete(idempotencyRecord)
    .where(and(eq(idempotencyRecord.regionCode, regionCode), lt(idempotencyRecord.createdAt, before)))
    .returning({ key: idempotencyRecord.key });
  return gone.length;
}
