import type { MessageCatalogue } from '../../i18n/locale.ts';

/** SMS delivery messages. Declared in the notify-sms manifest; en is typed against zh's keys. */
const zh = {
  'what.sms_message': '短信',
  'notify.sms.not_dead': '只有已放弃发送的短信可以重发',
} as const;

const en: Record<keyof typeof zh, string> = {
  'what.sms_message': 'SMS message',
  'notify.sms.not_dead': 'Only a message that was given up can be sent again',
};

export const smsMessages = { zh, en } satisfies MessageCatalogue;
