import { outboxEvent } from '../../db/schema/delivery.ts';
import type { Db } from '../db/database.ts';

export type NewOutboxEvent = typeof outboxEvent.$inferInsert;

export async function insertOutboxEvent(db: Db, event: NewOutboxEvent): Promise<void> {
  await db.insert(outboxEvent).values(event);
}
