import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.ts';
import { tx } from '../../db/tx.ts';
import { encryptColumnValue } from '../../pii/column-crypto.ts';
import { maskPhone } from '../../pii/mask.ts';
import { validateMobile } from '../../validation/mobile.ts';
import { type SmsGateway, type SmsSendRequest, type SmsSendResult, smsFailure } from './sms-gateway.ts';
import { renderSmsText, type SmsTemplate } from './sms-templates.ts';
import { insertStandinRecord } from './sms.store.ts';

/**
 * The local stand-in (the default gateway, `WENMING_SMS_GATEWAY=local`): sends nothing, records what it would
 * have sent in `notify_sms_standin` — the text as the phone would show it, the template and its parameters, the
 * phone masked, and the phone itself only sealed with the field keyring. It refuses what a provider refuses
 * for good (a number that is not a mainland mobile, a template code no manifest declares), so a message built
 * wrongly dies here as it would in production.
 */
export function localSmsGateway(ctx: Ctx, setup: { templates: readonly SmsTemplate[]; site: string }): SmsGateway {
  return {
    kind: 'local',
    async send(request: SmsSendRequest): Promise<SmsSendResult> {
      const mobile = validateMobile(request.phone);
      if (!mobile.ok) return smsFailure('local.MOBILE_NUMBER_ILLEGAL', 'not a mainland mobile number', false);
      const template = setup.templates.find((candidate) => candidate.templateCode === request.templateCode);
      if (!template) return smsFailure('local.TEMPLATE_MISSING', `no template ${request.templateCode}`, false);
      const providerMessageId = `local-${randomUUID()}`;
      await tx(ctx, (t) =>
        insertStandinRecord(t.db, {
          regionCode: t.countyCode,
          providerMessageId,
          signName: request.signName,
          templateCode: request.templateCode,
          params: { ...request.params },
          renderedText: renderSmsText(template, request.params, { signName: request.signName, site: setup.site }),
          phoneMasked: maskPhone(mobile.value),
          phoneEnc: encryptColumnValue(t.keyring, 'notify_sms_standin', 'phone_enc', mobile.value),
          recordedAt: t.clock(),
        }),
      );
      return { ok: true, providerMessageId };
    },
  };
}
