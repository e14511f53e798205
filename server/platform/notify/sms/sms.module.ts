import type { Ctx } from '../../context.ts';
import type { ModuleManifest } from '../../module.ts';
import { type SmsRunResult, sendDueSms } from './send-sms.ts';
import { smsSetupFrom } from './sms-config.ts';
import { smsSendNowJob } from './sms-jobs.ts';
import { smsMessages } from './sms.messages.ts';
import { smsNotPersonal, smsPiiFields } from './sms.pii.ts';
import { registerSmsRoutes, smsManagePermission } from './sms.routes.ts';

/** How often the sender looks for due messages (retries, and any nudge lost with a crashed process). */
export const smsSendEveryMs = 30_000;

/** A run that sent nothing answers 0, which the job runner does not log. */
async function sendDueSmsJob(ctx: Ctx): Promise<SmsRunResult | 0> {
  const result = await sendDueSms(ctx);
  return result.sent + result.failed + result.dead === 0 ? 0 : result;
}

/**
 * SMS (notify/sms): the gateway adapter and its local stand-in, the delivery queue with retries and backoff,
 * and the system administrator's delivery list. Modules declare templates (`smsTemplates`) and queue messages
 * with `queueSms` on their own legal basis (consent for a reporter's notices).
 */
export const smsManifest: ModuleManifest = {
  key: 'notify-sms',
  title: { zh: '短信通知', en: 'SMS notifications' },
  routes: [registerSmsRoutes],
  permissions: [{ key: smsManagePermission, zh: '短信发送记录与重发', en: 'SMS deliveries and resending' }],
  messages: [smsMessages],
  personalData: { fields: smsPiiFields, notPersonal: smsNotPersonal },
  // Checked at every start, so a mistyped gateway or sign name stops the server instead of the first notice.
  referenceData: [
    {
      name: 'notify.sms.setup',
      run: async () => {
        smsSetupFrom(process.env);
      },
    },
  ],
  jobs: [{ name: 'notify.sms-send', everyMs: smsSendEveryMs, run: sendDueSmsJob }],
  queues: [smsSendNowJob],
};
