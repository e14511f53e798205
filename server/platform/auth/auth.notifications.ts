import type { MessageCatalogue } from '../i18n/locale.ts';
import type { NotificationRule } from '../notify/notice.ts';
import { findUserById } from './users.store.ts';

/** Inbox texts of the account rules. */
const zh = {
  'auth.notify.account_disabled': '账号 {login}（{name}）已连续 {days} 天未登录，已自动停用',
} as const;
const en: Record<keyof typeof zh, string> = {
  'auth.notify.account_disabled': 'Account {login} ({name}) was disabled after {days} days without sign-in',
};
export const authNotificationMessages = { zh, en } satisfies MessageCatalogue;

/** AC-05: an account disabled for inactivity is told to the security administrators (who may re-enable it). */
export const authNotifications: readonly NotificationRule[] = [
  {
    key: 'auth.account-disabled',
    topic: 'auth.account_disabled',
    async notices(ctx, event) {
      const user = await findUserById(ctx.db, ctx.countyCode, event.objectId);
      if (!user) return [];
      const days = typeof event.payload.days === 'number' ? event.payload.days : '';
      return [
        {
          channel: 'inbox',
          kind: 'message',
          code: 'auth.notify.account_disabled',
          params: { login: user.loginId, name: user.displayName, days },
          to: { roles: ['sec_admin'] },
          about: { type: 'user', id: user.id, link: '/admin/security' },
        },
      ];
    },
  },
];
