import { Alert, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider.tsx';
import { type LoginRedirectState, nextPathFor, safeReturnPath } from '../auth/pendingSteps.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { LoginForm } from './LoginForm.tsx';
import { ResidentLinks } from './ResidentLinks.tsx';

export function LoginPage() {
  const t = useT();
  const { session } = useAuth();
  const location = useLocation();
  const returnPath = safeReturnPath(location.state);

  if (session.status === 'signed-in') {
    // Onwards to a pending step (carrying the page first asked for) or straight to that page.
    const state: LoginRedirectState = { from: returnPath };
    return <Navigate to={nextPathFor(session.me, returnPath)} replace state={state} />;
  }

  return (
    <AuthFrame title={t('login.title')} subtitle={t('login.subtitle')}>
      {session.status === 'signed-out' && session.expired && (
        <Alert
          type="warning"
          showIcon
          title={t('auth.sessionExpired')}
          className="wm-login-notice"
          data-testid="session-expired"
        />
      )}
      <ResidentLinks />
      <LoginForm />
      <Typography.Paragraph className="wm-login-help">{t('login.help')}</Typography.Paragraph>
    </AuthFrame>
  );
}
