import type { Ctx } from '../context.ts';
import type { NoticeSource, SmsNotice } from './notice.ts';

/**
 * The SMS channel: hands the notice to the SMS queue (platform/notify/sms) in the consumer's transaction, deduped
 * by the notice's source. Placeholder until the SMS queue lands: refusing loudly beats dropping a message.
 */
export async function deliverSms(_t: Ctx, notice: SmsNotice, source: NoticeSource): Promise<void> {
  throw new Error(`no SMS channel yet for ${notice.template} (${source.key})`);
}
