import { OneTimeCodeForm } from '../account/OneTimeCodeForm.tsx';
import { useAuth } from '../auth/AuthProvider.tsx';
import { accountApi } from '../auth/account.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { PendingStepGate } from './PendingStepGate.tsx';
import { SignOutButton } from './SignOutButton.tsx';
import { useEndedSession } from './useEndedSession.ts';

/** Second step of signing in for accounts with an authenticator: the current 6-digit code. */
export function MfaVerifyPage() {
  const t = useT();
  const { refresh } = useAuth();
  const endedSession = useEndedSession();
  return (
    <PendingStepGate step="mfa">
      <AuthFrame title={t('mfa.verifyTitle')} subtitle={t('mfa.verifyIntro')}>
        <OneTimeCodeForm
          submitLabel={t('mfa.verify')}
          onSubmit={async (code) => {
            try {
              await accountApi.verifyMfa(code);
            } catch (error) {
              if (await endedSession(error)) return;
              throw error;
            }
            // The refreshed session has the next step (or none); the gate moves on.
            await refresh();
          }}
        />
        <SignOutButton />
      </AuthFrame>
    </PendingStepGate>
  );
}
