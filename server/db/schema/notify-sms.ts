import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, regionCode } from './columns.ts';

/**
 * Where an SMS is in its life (server/platform/notify/sms/backoff.ts): queued `pending`; claimed by a sender run
 * `sending`; accepted by the gateway `sent`; a retryable failure waits as `failed` until its next attempt; out
 * of attempts (or refused for good) `dead`, until an administrator retries it (back to `pending`); withdrawn
 * before it left (the reporter took back consent) `cancelled`.
 */
export const smsStatuses = ['pending', 'sending', 'sent', 'failed', 'dead', 'cancelled'] as const;
export type SmsStatus = (typeof smsStatuses)[number];

/** One SMS to one phone: what to send, where it is in its life and what the gateway answered. */
export const notifySmsMessage = pgTable(
  'notify_sms_message',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    /** At most one message per key (`case.changed:<event id>:cases.accepted`): an event handled twice sends once. */
    dedupeKey: text('dedupe_key').notNull(),
    /** The registry key the module declared (`cases.accepted`) and what the gateway knows it by. */
    templateKey: text('template_key').notNull(),
    templateCode: text('template_code').notNull(),
    signName: text('sign_name').notNull(),
    /** Template parameters, checked against the template when queued (no personal data: a case number, …). */
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    /** The recipient, sealed with the field keyring (context notify_sms_message.phone_enc). */
    phoneEnc: text('phone_enc').notNull(),
    /** What the message is about (`case`, its number): consent withdrawn there cancels what has not left. */
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    status: text('status', { enum: smsStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When a pending or failed message is due; a sending one's lease (a crashed sender's claim runs out). */
    nextAttemptAt: at('next_attempt_at').notNull(),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    sentAt: at('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('notify_sms_message_dedupe_uq').on(t.regionCode, t.dedupeKey),
    index('notify_sms_message_due_idx')
      .on(t.regionCode, t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'failed', 'sending')`),
    index('notify_sms_message_subject_idx').on(t.regionCode, t.subjectType, t.subjectId),
    index('notify_sms_message_created_idx').on(t.regionCode, t.createdAt),
    check('notify_sms_message_attempts', sql`${t.attempts} >= 0`),
  ],
);

/**
 * The local stand-in gateway's record of what it would have sent (server/platform/notify/sms/local-gateway.ts):
 * the rendered text, the template and its parameters, the phone masked; the phone itself only sealed.
 */
export const notifySmsStandin = pgTable(
  'notify_sms_standin',
  {
    regionCode: regionCode('region_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().notNull(),
    /** The provider message id the stand-in answered with. */
    providerMessageId: text('provider_message_id').notNull(),
    signName: text('sign_name').notNull(),
    templateCode: text('template_code').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    /** 【签名】 + the template's text with its parameters filled in, as the phone would show it. */
    renderedText: text('rendered_text').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    uniqueIndex('notify_sms_standin_provider_uq').on(t.regionCode, t.providerMessageId),
  ],
);
