import type { Ctx } from '../context.ts';
import type { MessageCatalogue } from '../i18n/locale.ts';
import type { Notice, NotificationRule, NotifyEvent } from '../notify/notice.ts';
import { sealSmsPhone } from '../notify/sms/queue-sms.ts';
import type { SmsTemplate } from '../notify/sms/sms-templates.ts';
import { decryptColumnValue } from '../pii/column-crypto.ts';
import { findUserById } from './users.store.ts';

/** Inbox texts of the account rules. */
const zh = {
  'auth.notify.account_disabled': '账号 {login}（{name}）已连续 {days} 天未登录，已自动停用',
  'auth.notify.account_inactive_warning': '账号 {login}（{name}）已连续 {days} 天未登录，将于 {daysLeft} 天后自动停用',
} as const;
const en: Record<keyof typeof zh, string> = {
  'auth.notify.account_disabled': 'Account {login} ({name}) was disabled after {days} days without sign-in',
  'auth.notify.account_inactive_warning':
    'Account {login} ({name}) has not signed in for {days} days and will be disabled in {daysLeft} days',
};
export const authNotificationMessages = { zh, en } satisfies MessageCatalogue;

/**
 * The account holder's own warning before an inactivity disable goes by SMS to the work phone on the account:
 * an inbox message would only be read after signing in, which already restarts the count. A work notice to a
 * staff account's own work phone, so no citizen consent applies; the text names the login, never the person.
 */
export const authSmsTemplates: readonly SmsTemplate[] = [
  {
    key: 'auth.inactive_warning',
    templateCode: 'SMS_AUTH_INACTIVE_WARNING',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the providers' ${name} placeholder syntax
    zh: '您的工作账号${login}已${days}天未登录，将于${daysLeft}天后自动停用。如需继续使用，请及时登录 {site}。',
    params: ['login', 'days', 'daysLeft'],
    description: { zh: '账号长期未登录，停用前提醒本人', en: 'Account holder: disabled soon for inactivity' },
  },
];

/** AC-05's warning 7 days before: SMS to the holder (when the account has a phone), a message to security admins. */
async function inactiveWarningNotices(ctx: Ctx, event: NotifyEvent): Promise<Notice[]> {
  const user = await findUserById(ctx.db, ctx.countyCode, event.objectId);
  if (user?.status !== 'active') return [];
  const days = String(event.payload.days ?? '');
  const daysLeft = String(event.payload.daysLeft ?? '');
  const notices: Notice[] = [
    {
      channel: 'inbox',
      kind: 'message',
      code: 'auth.notify.account_inactive_warning',
      params: { login: user.loginId, name: user.displayName, days, daysLeft },
      to: { roles: ['sec_admin'] },
      about: { type: 'user', id: user.id, link: '/admin/security' },
    },
  ];
  const phone = user.phoneEnc && decryptColumnValue(ctx.keyring, 'app_user', 'phone_enc', user.phoneEnc);
  const phoneSealed = phone ? sealSmsPhone(ctx.keyring, phone) : null;
  if (phoneSealed) {
    notices.push({
      channel: 'sms',
      template: 'auth.inactive_warning',
      params: { login: user.loginId, days, daysLeft },
      phoneSealed,
    });
  }
  return notices;
}

/** AC-05: an account disabled for inactivity is told to the security administrators (who may re-enable it). */
export const authNotifications: readonly NotificationRule[] = [
  { key: 'auth.account-inactive-warning', topic: 'auth.account_inactive_warning', notices: inactiveWarningNotices },
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
