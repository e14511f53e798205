import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, regionCode } from './columns.ts';

/**
 * A retried field or partner write (DESIGN rule 5): the first response is kept under the caller's key and
 * returned again, so a report sent twice after a timeout is stored once.
 */
export const idempotencyRecord = pgTable(
  'idempotency_record',
  {
    regionCode: regionCode('region_code').notNull(),
    /** Who sent it (user or API key id) and which operation: a key is only unique per caller and route. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** sha256 of the request body: the same key with another body is a client bug, answered 422. */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    /**
     * The first answer as JSON, sealed with the field-encryption keyring (idempotency.ts): an answer may carry
     * a secret the case keeps only hashed (a citizen's tracking code, an upload id's secret).
     */
    response: text('response').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.scope, t.key] }),
    index('idempotency_record_created_idx').on(t.regionCode, t.createdAt),
  ],
);

/** Events for other modules and notifications, written in the business transaction (transactional outbox). */
export const outboxEvent = pgTable(
  'outbox_event',
  {
    regionCode: regionCode('region_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().notNull(),
    topic: text('topic').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull(),
    publishedAt: at('published_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('outbox_event_pending_idx').on(t.regionCode, t.id).where(sql`${t.publishedAt} is null`),
  ],
);

/**
 * What anonymous clients have used of their hourly budget (public reports and photo uploads counted together),
 * one row per client: a device the public page names, or an address. Kept in the database so that several
 * server instances share it. The subject is a keyed hash: the table counts without keeping who.
 */
export const requestBudget = pgTable(
  'request_budget',
  {
    regionCode: regionCode('region_code').notNull(),
    subject: text('subject').notNull(),
    windowStart: at('window_start').notNull(),
    used: integer('used').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.subject] }),
    index('request_budget_window_idx').on(t.regionCode, t.windowStart),
  ],
);
