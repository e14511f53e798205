import type { Ctx } from '../../context.ts';
import type { NoticeSource, SmsNotice } from '../notice.ts';
import { queueSms } from './queue-sms.ts';

/**
 * The SMS channel of the notifier (notify/channels.ts): queues the notice in the consumer's transaction. The
 * message is about the notice's subject, else the event's object (a case and its number): consent withdrawn
 * there cancels it; the
 * notice's source key dedupes it, so an event handled twice queues one SMS.
 */
export async function deliverSmsNotice(t: Ctx, notice: SmsNotice, source: NoticeSource): Promise<void> {
  await queueSms(t, {
    template: notice.template,
    params: notice.params,
    phoneSealed: notice.phoneSealed,
    subject: notice.subject ?? { type: source.event.objectType, id: source.event.objectId },
    dedupeKey: `notice:${source.key}`,
  });
}
