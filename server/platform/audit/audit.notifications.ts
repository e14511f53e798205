import type { MessageCatalogue } from '../i18n/locale.ts';
import type { NotificationRule } from '../notify/notice.ts';
import { userNamesOf } from '../auth/users.store.ts';

/** Inbox texts of the audit rules. */
const zh = {
  'audit.notify.reveal_alert': '敏感信息查看异常：{actor} 在 {window} 内查看 {count} 次（规则：{rule}），请核查',
} as const;
const en: Record<keyof typeof zh, string> = {
  'audit.notify.reveal_alert':
    'Unusual reveals: {actor} revealed personal data {count} times in {window} (rule: {rule})',
};
export const auditNotificationMessages = { zh, en } satisfies MessageCatalogue;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? value : '');

/**
 * AUD-06: unusual reveal activity (the reveal-alert job's `audit.reveal_alert`) reaches the audit and the security
 * administrators as a message linking to the audit trail. The actor is shown by name when it is an account.
 */
export const auditNotifications: readonly NotificationRule[] = [
  {
    key: 'audit.reveal-alert',
    topic: 'audit.reveal_alert',
    async notices(ctx, event) {
      const actor = String(event.payload.actor ?? event.objectId);
      const names = /^[0-9a-f-]{36}$/i.test(actor) ? await userNamesOf(ctx.db, ctx.countyCode, [actor]) : new Map();
      return [
        {
          channel: 'inbox',
          kind: 'message',
          code: 'audit.notify.reveal_alert',
          params: {
            actor: names.get(actor) ?? actor,
            count: text(event.payload.count),
            window: text(event.payload.window),
            rule: text(event.payload.rule),
          },
          to: { roles: ['audit_admin', 'sec_admin'] },
          about: { type: event.objectType, id: event.objectId, link: '/admin/audit' },
        },
      ];
    },
  },
];
