import type { Ctx } from '../../context.ts';
import { tx } from '../../db/tx.ts';
import { adoptedManifests, adoptManifests } from '../../modules/adopt.ts';
import { queueSms, sealSmsPhone } from './queue-sms.ts';
import type { SmsGateway, SmsSendRequest, SmsSendResult } from './sms-gateway.ts';
import type { SmsTemplate } from './sms-templates.ts';

/** A template only the platform's SMS tests declare (a platform test imports no module's manifest). */
export const testTemplate: SmsTemplate = {
  key: 'smstest.notice',
  templateCode: 'SMS_TEST_1',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' ${name} placeholder syntax
  zh: '您的事项（编号${refNo}）已办结，详见 {site}/track/${trackNo}。',
  params: ['refNo', 'trackNo'],
  description: { zh: '测试通知', en: 'Test notice' },
};

/** Adds the test template to what is adopted, keeping every adopted manifest (and so the API-key allowlist). */
export function adoptTestTemplates(): void {
  adoptManifests([...adoptedManifests(), { key: 'smstest', smsTemplates: [testTemplate] }]);
}

export const testPhone = '13907331234';

/** Queues one test message about `ref` in its own transaction. */
export async function queueTestSms(ctx: Ctx, ref: string, phone = testPhone): Promise<boolean> {
  return tx(ctx, (t) =>
    queueSms(t, {
      template: testTemplate.key,
      params: { refNo: ref, trackNo: ref },
      phoneSealed: sealSmsPhone(t.keyring, phone) ?? '',
      subject: { type: 'thing', id: ref },
      dedupeKey: `test:${ref}`,
    }),
  );
}

/** A gateway that answers from a script and remembers what it was handed. */
export function scriptedGateway(
  answer: (request: SmsSendRequest, call: number) => Promise<SmsSendResult> | SmsSendResult,
) {
  const calls: SmsSendRequest[] = [];
  const gateway: SmsGateway = {
    kind: 'scripted',
    async send(request) {
      calls.push(request);
      return answer(request, calls.length);
    },
  };
  return { gateway, calls };
}
