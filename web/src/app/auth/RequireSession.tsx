import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { errorText } from '../errorText.ts';
import { FullPageLoading } from '../FullPageLoading.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { useAuth } from './AuthProvider.tsx';
import { type LoginRedirectState, pendingStepPaths } from './pendingSteps.ts';

/**
 * Shows its children only to a fully signed-in user (or in the anonymous preview). A signed-out visitor goes to
 * sign in; a session with a pending step (MFA, new password) goes to that step first. Both remember the page.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const t = useT();
  const { session, recheck } = useAuth();
  const location = useLocation();
  const state: LoginRedirectState = { from: location.pathname + location.search };

  switch (session.status) {
    case 'checking':
      return <FullPageLoading />;
    case 'signed-out':
      return <Navigate to="/login" replace state={state} />;
    case 'signed-in':
      return session.me.pending ? (
        <Navigate to={pendingStepPaths[session.me.pending]} replace state={state} />
      ) : (
        children
      );
    case 'unavailable':
      return (
        <Result
          status="warning"
          title={t('auth.unavailable')}
          subTitle={`${errorText(session.error, t)} ${t('auth.unavailableHint')}`}
          extra={
            <Button type="primary" size="large" onClick={recheck}>
              {t('app.retry')}
            </Button>
          }
        />
      );
    default:
      return children;
  }
}
