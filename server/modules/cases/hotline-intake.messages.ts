import type { MessageCatalogue } from '../../platform/module.ts';

/** Staff reports and 热线受理 (hotline-intake.ts, staff-report.ts). */
const zh = {
  'cases.channel_not_allowed': '您不能以这个来源上报案件',
  'cases.hotline_field_only': '只有热线受理才填写此项',
  'cases.ticket_no_invalid': '工单号须为 3–40 位字母、数字或 - _ /',
  'cases.caller_name_invalid': '来电人称呼最多 40 个字',
  'cases.hotline_ticket_taken': '工单号 {ticketNo} 已受理为案件 {caseNo}，请勿重复录入',
  'cases.hotline_ticket_taken_elsewhere': '工单号 {ticketNo} 已受理为其他区域的案件，请勿重复录入',
} as const;

const en: Record<keyof typeof zh, string> = {
  'cases.channel_not_allowed': 'You cannot report cases from this source',
  'cases.hotline_field_only': 'Only a hotline intake takes this field',
  'cases.ticket_no_invalid': 'A ticket number is 3–40 letters, digits or - _ /',
  'cases.caller_name_invalid': "The caller's name may be at most 40 characters",
  'cases.hotline_ticket_taken': 'Ticket {ticketNo} was already taken in as case {caseNo}; do not enter it twice',
  'cases.hotline_ticket_taken_elsewhere':
    'Ticket {ticketNo} was already taken in as a case of another area; do not enter it twice',
};

export const hotlineIntakeMessages: MessageCatalogue = { zh, en };
