import { Alert } from 'antd';
import { ChangePasswordForm } from '../account/ChangePasswordForm.tsx';
import { useAuth } from '../auth/AuthProvider.tsx';
import type { Session } from '../auth/session.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { PendingStepGate } from './PendingStepGate.tsx';
import { SignOutButton } from './SignOutButton.tsx';

/** Why a new password is needed: the old one has expired, or it was a temporary one from an administrator. */
function passwordExpired(session: Session, now: number): boolean {
  if (session.status !== 'signed-in') return false;
  const expiresAt = session.user.passwordExpiresAt;
  return expiresAt !== null && Date.parse(expiresAt) <= now;
}

export function PasswordChangePage() {
  const t = useT();
  const { session, refresh } = useAuth();
  const expired = passwordExpired(session, Date.now());
  return (
    <PendingStepGate step="password_change">
      <AuthFrame title={t('password.changeTitle')}>
        <Alert
          type="info"
          showIcon
          className="wm-login-notice"
          title={expired ? t('password.whyExpired') : t('password.whyTemporary')}
          data-testid="password-reason"
        />
        <ChangePasswordForm size="large" onChanged={refresh} />
        <SignOutButton />
      </AuthFrame>
    </PendingStepGate>
  );
}
