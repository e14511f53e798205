import { outboxEvent } from '../../db/schema/delivery.ts';
import { type PreparedInsert, preparedInsert } from '../db/prepared.ts';

export type NewOutboxEvent = typeof outboxEvent.$inferInsert;

/** Every write that tells another module emits one: prepared per row shape (db/prepared.ts). */
export const insertOutboxEvent: PreparedInsert<NewOutboxEvent> = preparedInsert(
  'delivery.insert_outbox_event',
  outboxEvent,
);
