import type { Ctx } from '../../platform/context.ts';
import type { NotificationRule, NotifyEvent, SmsNotice } from '../../platform/notify/notice.ts';
import { sealSmsPhone } from '../../platform/notify/sms/queue-sms.ts';
import type { SmsTemplate } from '../../platform/notify/sms/sms-templates.ts';
import { decryptColumnValue } from '../../platform/pii/column-crypto.ts';
import type { CaseAction } from './case-flow.ts';
import { CaseScope } from './case-scope.ts';
import { findCaseByNo } from './cases.store.ts';

/**
 * The reporter's SMS (PIPL art. 13-14: only with the consent given on the report form, `cases_case.sms_consent`,
 * withdrawable on the tracking page): told once when the case is accepted (立案 — the `register` action) and
 * once when it is closed (结案 — `verify_pass`). The text carries the case number and the tracking page's
 * address, nothing else about the case or the person. Links are fixed text, as providers require; the reporter
 * opens the page with the number and the tracking code they were shown.
 *
 * Who can consent: a citizen on the public form, who leaves the phone; a hotline operator filing a call
 * (`POST /api/cases` with the caller's `phone` and `smsConsent: true`, the consent given on the call). Nothing
 * else opts in: Open311 partners (a 12345 platform) tell their own callers, and a consent given to a partner is
 * not one we can show, so GeoReport v2 stays as specified (no extra attribute; `phone` is kept for follow-up).
 */
export const casesSmsTemplates: readonly SmsTemplate[] = [
  {
    key: 'cases.accepted',
    templateCode: 'SMS_CASES_ACCEPTED',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' ${name} placeholder syntax
    zh: '您反映的市容问题已立案受理，案件编号${caseNo}。凭案件编号和查询码可在 {site}/track 查看办理进展。',
    params: ['caseNo'],
    description: { zh: '举报人：案件已立案受理', en: 'Reporter: the case was accepted' },
  },
  {
    key: 'cases.closed',
    templateCode: 'SMS_CASES_CLOSED',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' ${name} placeholder syntax
    zh: '您反映的市容问题（案件编号${caseNo}）已办结。凭案件编号和查询码可在 {site}/track 查看处理结果并评价。',
    params: ['caseNo'],
    description: { zh: '举报人：案件已办结', en: 'Reporter: the case was closed' },
  },
];

/** The steps the reporter is told about, and the template each uses. */
const toldAt: Partial<Record<CaseAction, string>> = { register: 'cases.accepted', verify_pass: 'cases.closed' };

/** The notice for a `case.changed` event, when the step is one the reporter asked to hear about. */
export async function reporterSmsNotices(ctx: Ctx, event: NotifyEvent): Promise<SmsNotice[]> {
  const template = toldAt[event.payload.action as CaseAction];
  if (!template) return [];
  const row = await findCaseByNo(ctx.db, ctx.countyCode, event.objectId, CaseScope.countyWide('reporter-sms'));
  // Consent is read when the event is handled: withdrawn in between, nothing is sent.
  if (!row?.smsConsent || !row.reporterPhoneEnc) return [];
  const phone = decryptColumnValue(ctx.keyring, 'cases_case', 'reporter_phone_enc', row.reporterPhoneEnc);
  const phoneSealed = sealSmsPhone(ctx.keyring, phone);
  if (!phoneSealed) return [];
  return [{ channel: 'sms', template, params: { caseNo: row.caseNo }, phoneSealed }];
}

/** The rules the manifest lists beside the inbox's (cases.notifications.ts). */
export const casesSmsRules: readonly NotificationRule[] = [
  { key: 'cases.reporter-sms', topic: 'case.changed', notices: reporterSmsNotices },
];
