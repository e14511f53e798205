import type { MessageCatalogue } from '../i18n/locale.ts';

/** The inbox's own words (errors, and the texts of the platform's rules live with those rules' owners). */
const zh = {
  'what.inbox_item': '待办或消息',
  'notify.inbox.not_a_todo': '这是一条消息，不是待办，无需办结',
} as const;

const en: Record<keyof typeof zh, string> = {
  'what.inbox_item': 'To-do or message',
  'notify.inbox.not_a_todo': 'This is a message, not a to-do: there is nothing to mark done',
};

export const notifyMessages = { zh, en } satisfies MessageCatalogue;
