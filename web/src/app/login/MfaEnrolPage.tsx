import { useAuth } from '../auth/AuthProvider.tsx';
import { MfaEnrolment } from '../account/MfaEnrolment.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { PendingStepGate } from './PendingStepGate.tsx';
import { SignOutButton } from './SignOutButton.tsx';

/** Accounts whose roles require MFA (administrators, settlement) bind an authenticator before anything else. */
export function MfaEnrolPage() {
  const t = useT();
  const { refresh } = useAuth();
  return (
    <PendingStepGate step="mfa_enroll">
      <AuthFrame title={t('mfa.enrolTitle')} subtitle={t('mfa.enrolWhy')} wide>
        <MfaEnrolment onEnabled={refresh} />
        <SignOutButton />
      </AuthFrame>
    </PendingStepGate>
  );
}
