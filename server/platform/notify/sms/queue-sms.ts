import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { encryptColumnValue } from '../../pii/column-crypto.ts';
import type { Keyring } from '../../pii/keyring.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { validateMobile } from '../../validation/mobile.ts';
import { declaredSmsTemplates, smsSetupFrom } from './sms-config.ts';
import { smsSendNowJob } from './sms-jobs.ts';
import { checkSmsParams, findSmsTemplate } from './sms-templates.ts';
import { cancelWaitingSms, insertSmsMessage } from './sms.store.ts';

/** What a message is about: consent withdrawn there cancels what has not left (`cancelSmsAbout`). */
export interface SmsSubject {
  type: string;
  id: string;
}

/** One SMS to queue: a declared template, its parameters, the recipient sealed (`sealSmsPhone`). */
export interface SmsRequest {
  template: string;
  params: Readonly<Record<string, string>>;
  phoneSealed: string;
  subject: SmsSubject;
  /** At most one message per key: the event and notice it comes from (`case.changed:42:cases.accepted`). */
  dedupeKey: string;
}

/**
 * The recipient sealed for the SMS queue (context notify_sms_message.phone_enc), or null when it is not a
 * mainland mobile (a landline cannot take an SMS). A module seals the phone it holds and hands over only this.
 */
export function sealSmsPhone(keyring: Keyring, phone: string): string | null {
  const mobile = validateMobile(phone);
  return mobile.ok ? encryptColumnValue(keyring, 'notify_sms_message', 'phone_enc', mobile.value) : null;
}

/**
 * Queues an SMS in the caller's transaction (it exists exactly when the business change or the handled event
 * commits), due now, with a nudge to the sender (sms-jobs.ts). Parameters are checked against the template: a missing, unknown or empty one throws
 * `SmsTemplateMisuse` (a programming error). Returns false when the dedupe key was queued before.
 */
export async function queueSms(t: Ctx, request: SmsRequest): Promise<boolean> {
  if (!t.inTransaction) throw new Error('queueSms must run inside tx(ctx, …)');
  const setup = smsSetupFrom(process.env);
  const template = findSmsTemplate(declaredSmsTemplates(setup), request.template);
  const params = checkSmsParams(template, request.params);
  const now = t.clock();
  const id = randomUUID();
  const queued = await insertSmsMessage(t.db, {
    regionCode: t.countyCode,
    id,
    dedupeKey: request.dedupeKey,
    templateKey: template.key,
    templateCode: template.templateCode,
    signName: setup.signName,
    params,
    phoneEnc: request.phoneSealed,
    subjectType: request.subject.type,
    subjectId: request.subject.id,
    status: 'pending',
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  });
  if (!queued) return false;
  await recordAudit(t, {
    eventType: 'notify.sms.queue',
    action: 'create',
    objectType: 'sms_message',
    objectId: id,
    details: { template: template.key, subject: `${request.subject.type}:${request.subject.id}` },
  });
  await enqueueJob(t, smsSendNowJob, {}, { key: 'due' });
  return true;
}

/** Withdraws the messages about a subject that have not left (the reporter took back consent); audited. */
export async function cancelSmsAbout(t: Ctx, subject: SmsSubject): Promise<number> {
  if (!t.inTransaction) throw new Error('cancelSmsAbout must run inside tx(ctx, …)');
  const cancelled = await cancelWaitingSms(t.db, t.countyCode, subject, t.clock());
  if (cancelled > 0)
    await recordAudit(t, {
      eventType: 'notify.sms.cancel',
      action: 'update',
      objectType: subject.type,
      objectId: subject.id,
      details: { cancelled },
    });
  return cancelled;
}
