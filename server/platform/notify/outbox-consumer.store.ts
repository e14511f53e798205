import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { outboxEvent } from '../../db/schema/delivery.ts';
import { notifyCursor } from '../../db/schema/notify.ts';
import type { Db } from '../db/database.ts';
import type { NotifyEvent } from './notice.ts';

export type CursorRow = typeof notifyCursor.$inferSelect;

/** The consumer's position, created at 0 the first time (a new consumer reads the outbox from its start). */
export async function ensureCursor(db: Db, regionCode: string, consumer: string, now: Date): Promise<void> {
  await db.insert(notifyCursor).values({ regionCode, consumer, updatedAt: now }).onConflictDoNothing();
}

/** The position, locked until the transaction ends: two processes never handle the same event at once. */
export async function lockCursor(db: Db, regionCode: string, consumer: string): Promise<CursorRow | undefined> {
  const rows = await db
    .select()
    .from(notifyCursor)
    .where(and(eq(notifyCursor.regionCode, regionCode), eq(notifyCursor.consumer, consumer)))
    .for('update');
  return rows[0];
}

export async function readCursor(db: Db, regionCode: string, consumer: string): Promise<CursorRow | undefined> {
  const rows = await db
    .select()
    .from(notifyCursor)
    .where(and(eq(notifyCursor.regionCode, regionCode), eq(notifyCursor.consumer, consumer)));
  return rows[0];
}

export async function updateCursor(
  db: Db,
  regionCode: string,
  consumer: string,
  set: Partial<Omit<CursorRow, 'regionCode' | 'consumer'>> & { updatedAt: Date },
): Promise<void> {
  await db
    .update(notifyCursor)
    .set(set)
    .where(and(eq(notifyCursor.regionCode, regionCode), eq(notifyCursor.consumer, consumer)));
}

/** Committed events after an id, in id order. */
export async function eventsAfter(db: Db, regionCode: string, afterId: number, limit: number): Promise<NotifyEvent[]> {
  return db
    .select({
      id: outboxEvent.id,
      topic: outboxEvent.topic,
      objectType: outboxEvent.objectType,
      objectId: outboxEvent.objectId,
      payload: outboxEvent.payload,
      createdAt: outboxEvent.createdAt,
    })
    .from(outboxEvent)
    .where(and(eq(outboxEvent.regionCode, regionCode), gt(outboxEvent.id, afterId)))
    .orderBy(asc(outboxEvent.id))
    .limit(limit);
}

/** The newest event id of the county (0 when none): how far behind a consumer is. */
export async function latestEventId(db: Db, regionCode: string): Promise<number> {
  const [row] = await db
    .select({ id: sql<number>`coalesce(max(${outboxEvent.id}), 0)`.mapWith(Number) })
    .from(outboxEvent)
    .where(eq(outboxEvent.regionCode, regionCode));
  return row?.id ?? 0;
}
