import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { outboxEvent } from '../../db/schema/delivery.ts';
import { notifyCursor } from '../../db/schema/notify.ts';
import type { Db } from '../db/database.ts';
import type { NotifyEvent } from './notice.ts';

export type CursorRow = typeof notifyCursor.$inferSelect;

/**
 * The consumer's position, created the first time: before the first event, or past every event older than `from`
 * (a new consumer that skips history). An existing position is left as it is.
 */
export async function ensureCursor(
  db: Db,
  regionCode: string,
  consumer: string,
  now: Date,
  from?: Date,
): Promise<void> {
  if ((await readCursor(db, regionCode, consumer)) !== undefined) return;
  const [older] = from
    ? await db
        .select({ id: sql<number>`coalesce(max(${outboxEvent.id}), 0)`.mapWith(Number) })
        .from(outboxEvent)
        .where(and(eq(outboxEvent.regionCode, regionCode), lt(outboxEvent.createdAt, from)))
    : [];
  await db
    .insert(notifyCursor)
    .values({ regionCode, consumer, lastEventId: older?.id ?? 0, updatedAt: now })
    .onConflictDoNothing();
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

/** Moves the position forward to an id (never back: another process may be past it). */
export async function advanceCursor(
  db: Db,
  regionCode: string,
  consumer: string,
  toId: number,
  now: Date,
): Promise<void> {
  await db
    .update(notifyCursor)
    .set({ lastEventId: toId, updatedAt: now })
    .where(
      and(
        eq(notifyCursor.regionCode, regionCode),
        eq(notifyCursor.consumer, consumer),
        lt(notifyCursor.lastEventId, toId),
      ),
    );
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
