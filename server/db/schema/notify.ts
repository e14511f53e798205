import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, regionCode } from './columns.ts';

/**
 * How far each consumer of the outbox has read (platform/notify/outbox-consumer.ts): the last event id it has
 * finished, per county. One row per consumer ('notify' today, the dashboard later), so consumers advance apart.
 * A failing event is retried; after a few failures it is skipped and its id and error stay here for the operator.
 */
export const notifyCursor = pgTable(
  'notify_cursor',
  {
    regionCode: regionCode('region_code').notNull(),
    consumer: text('consumer').notNull(),
    lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
    /** The event that failed last, how many times in a row, and why (no payload: it may hold personal data). */
    failingEventId: bigint('failing_event_id', { mode: 'number' }),
    failures: integer('failures').notNull().default(0),
    lastError: text('last_error'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.consumer] })],
);

/**
 * One person's inbox: to-dos (a record waits for them; done when the record is acted on or by them) and
 * messages. The text is a message code and its parameters, rendered in the reader's language when read.
 * `source_key` (event id, rule, notice) makes delivery idempotent: an event processed twice yields one item.
 */
export const notifyInboxItem = pgTable(
  'notify_inbox_item',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: ['todo', 'message'] }).notNull(),
    code: text('code').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    /** The record it is about (a case: 'case' and its number) and where the web shows it. */
    objectType: text('object_type'),
    objectId: text('object_id'),
    link: text('link'),
    sourceKey: text('source_key').notNull(),
    createdAt: at('created_at').notNull(),
    readAt: at('read_at'),
    doneAt: at('done_at'),
    /** 'user' (marked done) or 'record' (the record was acted on). */
    doneBy: text('done_by', { enum: ['user', 'record'] }),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('notify_inbox_item_source_uq').on(t.regionCode, t.userId, t.sourceKey),
    index('notify_inbox_item_user_idx').on(t.regionCode, t.userId, t.createdAt),
    index('notify_inbox_item_open_object_idx')
      .on(t.regionCode, t.objectType, t.objectId)
      .where(sql`${t.doneAt} is null and ${t.kind} = 'todo'`),
  ],
);
