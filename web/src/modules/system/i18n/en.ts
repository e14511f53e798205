import type { systemZh } from './zh.ts';

export const systemEn: Record<keyof typeof systemZh, string> = {
  'module.system.label': 'System administration',
  'module.system.description':
    'Staff accounts: create, edit, disable and reset passwords; run by the system administrator (separation of duties).',
  'system.intro':
    'Staff accounts: create, edit, disable and reset passwords (separation of duties: system administrator).',
  'system.sms.title': 'SMS deliveries',
  'system.sms.allStatuses': 'All statuses',
  'system.sms.gateway': 'SMS gateway: {gateway}',
  'system.sms.gatewayLocal': 'SMS gateway: local stand-in (records, sends nothing)',
  'system.sms.createdAt': 'Queued',
  'system.sms.phone': 'Phone',
  'system.sms.template': 'Template',
  'system.sms.statusTitle': 'Status',
  'system.sms.attempts': 'Attempts',
  'system.sms.lastError': 'Last error',
  'system.sms.retry': 'Send again',
  'system.sms.retried': 'Queued to be sent again',
  'system.sms.status.pending': 'Waiting',
  'system.sms.status.sending': 'Sending',
  'system.sms.status.sent': 'Sent',
  'system.sms.status.failed': 'Failed, will retry',
  'system.sms.status.dead': 'Given up',
  'system.sms.status.cancelled': 'Cancelled',
};
