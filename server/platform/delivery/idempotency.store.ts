import { and, eq, lt } from 'drizzle-orm';
import { idempotencyRecord } from '../../db/schema/delivery.ts';
import type { Db } from '../db/database.ts';

export type IdempotencyRecord = typeof idempotencyRecord.$inferSelect;

export async function findIdempotencyRecord(
  db: Db,
  regionCode: string,
  scope: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const rows = await db
    .select()
    .from(idempotencyRecord)
    .where(
      and(
        eq(idempotencyRecord.regionCode, regionCode),
        eq(idempotencyRecord.scope, scope),
        eq(idempotencyRecord.key, key),
      ),
    );
  return rows[0];
}

/** Stored in the write's own transaction: a unique violation means another copy of the request won the race. */
export async function insertIdempotencyRecord(db: Db, record: typeof idempotencyRecord.$inferInsert): Promise<void> {
  await db.insert(idempotencyRecord).values(record);
}

/** Removes this county's records stored before `before` (the retry window has passed); answers how many went. */
export async function deleteIdempotencyRecordsBefore(db: Db, regionCode: string, before: Date): Promise<number> {
  const gone = await db
    .delete(idempotencyRecord)
    .where(and(eq(idempotencyRecord.regionCode, regionCode), lt(idempotencyRecord.createdAt, before)))
    .returning({ key: idempotencyRecord.key });
  return gone.length;
}
