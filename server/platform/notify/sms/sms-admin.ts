import { recordAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { tx } from '../../db/tx.ts';
import { AppError } from '../../http/app-error.ts';
import { decryptColumnValue } from '../../pii/column-crypto.ts';
import { maskPhone } from '../../pii/mask.ts';
import { smsSetupFrom } from './sms-config.ts';
import type { SmsDeliveryDto, SmsListDto, SmsListQueryInput } from './sms.schema.ts';
import { findSmsMessage, listSmsMessages, requeueDeadSms, type SmsMessageRow } from './sms.store.ts';

/** A queue row as the operator sees it: the phone masked, no parameters; the due time only while it waits. */
export function presentSms(ctx: Ctx, row: SmsMessageRow): SmsDeliveryDto {
  const waiting = row.status === 'pending' || row.status === 'failed';
  return {
    id: row.id,
    template: row.templateKey,
    templateCode: row.templateCode,
    phone: maskPhone(decryptColumnValue(ctx.keyring, 'notify_sms_message', 'phone_enc', row.phoneEnc)),
    subject: { type: row.subjectType, id: row.subjectId },
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: waiting ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    providerMessageId: row.providerMessageId,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** The system administrator's list of SMS deliveries, newest first. */
export async function listSmsDeliveries(ctx: Ctx, query: SmsListQueryInput): Promise<SmsListDto> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { rows, total } = await listSmsMessages(ctx.db, ctx.countyCode, {
    ...(query.status ? { status: query.status } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    gateway: smsSetupFrom(process.env).gateway,
    items: rows.map((row) => presentSms(ctx, row)),
    total,
    page,
    pageSize,
  };
}

/** A dead message back in the queue, due now with its attempts counted afresh (audited); 409 unless dead. */
export async function retrySmsDelivery(ctx: Ctx, id: string): Promise<SmsDeliveryDto> {
  return tx(ctx, async (t) => {
    const row = await findSmsMessage(t.db, t.countyCode, id);
    if (!row) throw AppError.notFound('what.sms_message');
    if (!(await requeueDeadSms(t.db, t.countyCode, id, t.clock())))
      throw new AppError(409, 'sms_not_dead', 'notify.sms.not_dead', {}, { id: { key: 'notify.sms.not_dead' } });
    await recordAudit(t, {
      eventType: 'notify.sms.retry',
      action: 'update',
      objectType: 'sms_message',
      objectId: id,
      details: { template: row.templateKey, attempts: row.attempts },
    });
    const requeued = await findSmsMessage(t.db, t.countyCode, id);
    return presentSms(t, requeued ?? row);
  });
}
