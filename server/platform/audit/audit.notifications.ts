import type { MessageCatalogue } from '../i18n/locale.ts';
import type { NotificationRule } from '../notify/notice.ts';
import { userNamesOf } from '../auth/users.store.ts';

/** Inbox texts of the audit rules. */
const zh = {
  'audit.notify.reveal_alert': '敏感信息查看异常：{actor} 于 {window} 查看 {count} 次（{rule}），请核查',
  'audit.notify.rule.volume': '短时间内大量查看',
  'audit.notify.rule.night': '夜间查看',
} as const;
const en: Record<keyof typeof zh, string> = {
  'audit.notify.reveal_alert': 'Unusual reveals: {actor} revealed personal data {count} times, {window} ({rule})',
  'audit.notify.rule.volume': 'many in a short time',
  'audit.notify.rule.night': 'at night',
};
export const auditNotificationMessages = { zh, en } satisfies MessageCatalogue;

/** The rules of reveal-alerts.ts: each a message code here, translated for the reader. */
const knownRules = new Set(['volume', 'night']);
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? value : '');

/**
 * AUD-06: unusual reveal activity (the reveal-alert job's `audit.reveal_alert`) reaches the audit and the security
 * administrators as a message linking to the audit trail (payload: audit.events.ts). The actor is shown by name.
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
            rule: knownRules.has(String(event.payload.rule))
              ? `audit.notify.rule.${event.payload.rule}`
              : text(event.payload.rule),
          },
          to: { roles: ['audit_admin', 'sec_admin'] },
          about: { type: event.objectType, id: event.objectId, link: '/admin/audit' },
        },
      ];
    },
  },
];
