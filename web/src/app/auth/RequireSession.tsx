import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { errorText } from '../errorText.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { FullPageLoading } from '../FullPageLoading.tsx';
import { useAuth } from './AuthProvider.tsx';

/** Where the login page returns to after signing in. */
export interface LoginRedirectState {
  from?: string;
}

/** Shows its children only to a signed-in user (or in the anonymous preview); otherwise routes to sign-in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const t = useT();
  const { session, recheck } = useAuth();
  const location = useLocation();

  switch (session.status) {
    case 'checking':
      return <FullPageLoading />;
    case 'signed-out': {
      const state: LoginRedirectState = { from: location.pathname + location.search };
      return <Navigate to="/login" replace state={state} />;
    }
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
