import type { MessageCatalogue } from '../../platform/module.ts';

/** Inbox texts of the cases rules (cases.notifications.ts), rendered in the reader's language. */
const zh = {
  'cases.notify.deadline.register': '案件 {caseNo} 的立案时限将于 {deadline} 到期，请及时立案',
  'cases.notify.deadline.dispatch': '案件 {caseNo} 的派遣时限将于 {deadline} 到期，请及时派遣',
  'cases.notify.deadline.handle': '案件 {caseNo} 的处置时限将于 {deadline} 到期，请及时处置',
  'cases.notify.deadline.verify': '案件 {caseNo} 的核查时限将于 {deadline} 到期，请及时核查',
  'cases.notify.deadline.verify_report': '案件 {caseNo} 的核实时限将于 {deadline} 到期，请及时到现场核实',
  'cases.notify.verify_report': '案件 {caseNo} 待核实：请到现场核实（{address}）',
  'cases.notify.supervised': '案件 {caseNo} 被督办（第 {level} 级），请督促办理',
} as const;

const en: Record<keyof typeof zh, string> = {
  'cases.notify.deadline.register': 'Case {caseNo}: the time to register it ends at {deadline}',
  'cases.notify.deadline.dispatch': 'Case {caseNo}: the time to dispatch it ends at {deadline}',
  'cases.notify.deadline.handle': 'Case {caseNo}: the time to handle it ends at {deadline}',
  'cases.notify.deadline.verify': 'Case {caseNo}: the time to verify it ends at {deadline}',
  'cases.notify.deadline.verify_report': 'Case {caseNo}: the time to check the report on site ends at {deadline}',
  'cases.notify.verify_report': 'Case {caseNo} is waiting for an on-site check ({address})',
  'cases.notify.supervised': 'Case {caseNo} is under supervision (level {level}): see that it is handled',
};

export const casesNotificationMessages = { zh, en } satisfies MessageCatalogue;
