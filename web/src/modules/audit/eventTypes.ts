import type { Translate } from '../../app/i18n/translate.ts';
import { isMessageKey } from '../../app/i18n/translate.ts';

/**
 * Event types the platform writes today (grep `eventType:` in server/), offered as suggestions. The field
 * also takes any other type or a prefix (`auth.` or `pii.rev*`), so new modules need no change here.
 */
export const knownEventTypes = [
  'auth.',
  'auth.login',
  'auth.logout',
  'auth.mfa',
  'auth.password',
  'auth.session',
  'auth.lock',
  'access.denied',
  'access.csrf',
  'pii.reveal',
  'users.',
  'users.create',
  'users.update',
  'users.reset_password',
  'users.unlock',
  'users.disable',
  'users.inactivity_warning',
  'roles.assign',
  'apikeys.create',
  'apikeys.revoke',
  'security.policy',
  'audit.search',
  'audit.export',
  'audit.verify',
  'audit.reveal_alert',
] as const;

export function eventTypeLabel(eventType: string, t: Translate): string {
  const key = `auditEvent.${eventType}`;
  return isMessageKey(key) ? t(key) : eventType;
}
