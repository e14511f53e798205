import type { NotPersonalColumn, PiiField } from '../../pii/pii-field.ts';

/**
 * The recipients of SMS (PI-01). A module queues a message only on its own legal basis — for a reporter's
 * progress notices, the consent given on the report form (cases_case.sms_consent) — so the queue keeps the
 * number for as long as the operator needs to see what was sent, then the purge may take it.
 */
const recipient = {
  category: 'contact',
  sensitive: false,
  legalBasis: '同意',
  retention: '发送后 180 天',
  retentionDays: 180,
} as const;

export const smsPiiFields: readonly PiiField[] = [
  {
    table: 'notify_sms_message',
    column: 'phone_enc',
    ...recipient,
    purpose: '向本人发送其同意接收的办理进展短信',
    mask: 'mobile',
    encrypted: true,
  },
  {
    table: 'notify_sms_standin',
    column: 'phone_enc',
    ...recipient,
    purpose: '本地替身网关记录的收信号码（不实际发送），供核对',
    mask: 'mobile',
    encrypted: true,
  },
  {
    table: 'notify_sms_standin',
    column: 'phone_masked',
    ...recipient,
    purpose: '本地替身网关记录的收信号码（已脱敏：前 3 位与后 4 位）',
    mask: 'none',
    encrypted: false,
  },
];

const signName = '短信签名：发送单位经服务商审核的名称（如“文明创建”），不是个人姓名';
export const smsNotPersonal: readonly NotPersonalColumn[] = [
  { table: 'notify_sms_message', column: 'sign_name', reason: signName },
  { table: 'notify_sms_standin', column: 'sign_name', reason: signName },
];
