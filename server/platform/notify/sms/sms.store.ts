import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { notifySmsMessage, notifySmsStandin, type SmsStatus } from '../../../db/schema/notify-sms.ts';
import type { Db } from '../../db/database.ts';
import { queryRows } from '../../db/rows.ts';

export type SmsMessageRow = typeof notifySmsMessage.$inferSelect;
export type NewSmsMessageRow = typeof notifySmsMessage.$inferInsert;
export type SmsStandinRow = typeof notifySmsStandin.$inferSelect;
export type NewSmsStandinRow = typeof notifySmsStandin.$inferInsert;

/** Queues a message; false when its dedupe key is already queued (the same event handled again). */
export async function insertSmsMessage(db: Db, row: NewSmsMessageRow): Promise<boolean> {
  const inserted = await db
    .insert(notifySmsMessage)
    .values(row)
    .onConflictDoNothing({ target: [notifySmsMessage.regionCode, notifySmsMessage.dedupeKey] })
    .returning({ id: notifySmsMessage.id });
  return inserted.length > 0;
}

/** What a claim hands the sender: the row's fields it needs, attempts already counting this one. */
export interface ClaimedSms {
  id: string;
  templateKey: string;
  templateCode: string;
  signName: string;
  params: Record<string, string>;
  phoneEnc: string;
  attempts: number;
}

/**
 * Claims up to `limit` due messages in one statement: pending or failed ones whose time has come, and sending
 * ones whose claim ran out (a crashed sender). `for update skip locked` lets two senders (two processes, or a
 * job run twice) share the queue without both taking a row; the claim counts the attempt and holds the row
 * as `sending` until `leaseUntil`.
 */
export async function claimDueSms(
  db: Db,
  regionCode: string,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedSms[]> {
  return queryRows<ClaimedSms>(
    db,
    sql`update notify_sms_message m
        set status = 'sending', attempts = m.attempts + 1, next_attempt_at = ${leaseUntil}, updated_at = ${now}
        where m.region_code = ${regionCode} and m.id in (
          select id from notify_sms_message
          where region_code = ${regionCode} and status in ('pending', 'failed', 'sending')
            and next_attempt_at <= ${now}
          order by next_attempt_at
          limit ${limit}
          for update skip locked)
        returning m.id, m.template_key as "templateKey", m.template_code as "templateCode",
          m.sign_name as "signName", m.params, m.phone_enc as "phoneEnc", m.attempts`,
  );
}

/** The claim this sender holds: the row is still `sending` at the attempt it claimed (a late finisher loses). */
const heldClaim = (regionCode: string, id: string, attempt: number) =>
  and(
    eq(notifySmsMessage.regionCode, regionCode),
    eq(notifySmsMessage.id, id),
    eq(notifySmsMessage.status, 'sending'),
    eq(notifySmsMessage.attempts, attempt),
  );

export async function markSmsSent(
  db: Db,
  regionCode: string,
  claim: { id: string; attempt: number },
  providerMessageId: string,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .update(notifySmsMessage)
    .set({ status: 'sent', providerMessageId, sentAt: now, updatedAt: now, lastError: null })
    .where(heldClaim(regionCode, claim.id, claim.attempt))
    .returning({ id: notifySmsMessage.id });
  return updated.length > 0;
}

export async function markSmsFailed(
  db: Db,
  regionCode: string,
  claim: { id: string; attempt: number },
  outcome: { status: 'failed' | 'dead'; nextAttemptAt: Date; lastError: string },
  now: Date,
): Promise<boolean> {
  const updated = await db
    .update(notifySmsMessage)
    .set({ ...outcome, updatedAt: now })
    .where(heldClaim(regionCode, claim.id, claim.attempt))
    .returning({ id: notifySmsMessage.id });
  return updated.length > 0;
}

/** Withdraws what has not left about a subject (consent taken back); a message being sent right now goes. */
export async function cancelWaitingSms(
  db: Db,
  regionCode: string,
  subject: { type: string; id: string },
  now: Date,
): Promise<number> {
  const cancelled = await db
    .update(notifySmsMessage)
    .set({ status: 'cancelled', updatedAt: now })
    .where(
      and(
        eq(notifySmsMessage.regionCode, regionCode),
        eq(notifySmsMessage.subjectType, subject.type),
        eq(notifySmsMessage.subjectId, subject.id),
        inArray(notifySmsMessage.status, ['pending', 'failed']),
      ),
    )
    .returning({ id: notifySmsMessage.id });
  return cancelled.length;
}

/** A dead message back in the queue, due now, with its attempts counted afresh; false when it is not dead. */
export async function requeueDeadSms(db: Db, regionCode: string, id: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(notifySmsMessage)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now })
    .where(
      and(
        eq(notifySmsMessage.regionCode, regionCode),
        eq(notifySmsMessage.id, id),
        eq(notifySmsMessage.status, 'dead'),
      ),
    )
    .returning({ id: notifySmsMessage.id });
  return updated.length > 0;
}

export async function findSmsMessage(db: Db, regionCode: string, id: string): Promise<SmsMessageRow | undefined> {
  const rows = await db
    .select()
    .from(notifySmsMessage)
    .where(and(eq(notifySmsMessage.regionCode, regionCode), eq(notifySmsMessage.id, id)));
  return rows[0];
}

/** The operator's page: newest first, optionally one status, with the total for paging. */
export async function listSmsMessages(
  db: Db,
  regionCode: string,
  filter: { status?: SmsStatus; limit: number; offset: number },
): Promise<{ rows: SmsMessageRow[]; total: number }> {
  const where = and(
    eq(notifySmsMessage.regionCode, regionCode),
    filter.status ? eq(notifySmsMessage.status, filter.status) : undefined,
  );
  const rows = await db
    .select()
    .from(notifySmsMessage)
    .where(where)
    .orderBy(desc(notifySmsMessage.createdAt), desc(notifySmsMessage.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(notifySmsMessage).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Messages about one subject, oldest first (tests, and a module asking what its reporter was sent). */
export async function listSmsAbout(
  db: Db,
  regionCode: string,
  subject: { type: string; id: string },
): Promise<SmsMessageRow[]> {
  return db
    .select()
    .from(notifySmsMessage)
    .where(
      and(
        eq(notifySmsMessage.regionCode, regionCode),
        eq(notifySmsMessage.subjectType, subject.type),
        eq(notifySmsMessage.subjectId, subject.id),
      ),
    )
    .orderBy(notifySmsMessage.createdAt, notifySmsMessage.templateKey);
}

export async function insertStandinRecord(db: Db, row: NewSmsStandinRow): Promise<void> {
  await db.insert(notifySmsStandin).values(row);
}

/** The stand-in's record, oldest first. */
export async function listStandinRecords(db: Db, regionCode: string): Promise<SmsStandinRow[]> {
  return db
    .select()
    .from(notifySmsStandin)
    .where(eq(notifySmsStandin.regionCode, regionCode))
    .orderBy(notifySmsStandin.id);
}
