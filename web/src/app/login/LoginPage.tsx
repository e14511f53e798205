import { Card, ConfigProvider, Grid, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider.tsx';
import type { LoginRedirectState } from '../auth/RequireSession.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { Brand } from '../layout/Brand.tsx';
import { largeFormTheme } from '../theme.ts';
import { LoginForm } from './LoginForm.tsx';
import './login.css';

/** Only same-site paths, so a crafted link cannot bounce a fresh session to another site. */
function safeReturnPath(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
}

export function LoginPage() {
  const t = useT();
  const { session } = useAuth();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const returnPath = safeReturnPath(location.state);

  if (session.status === 'signed-in') return <Navigate to={returnPath} replace />;

  return (
    <ConfigProvider theme={largeFormTheme}>
      <div className="wm-login-page">
        <header className="wm-login-top">
          <Brand compact={screens.sm === false} />
          <LanguageSwitch size="large" />
        </header>
        <main className="wm-login-main">
          <Card className="wm-login-card">
            <Typography.Title level={1} className="wm-login-title">
              {t('login.title')}
            </Typography.Title>
            <Typography.Paragraph className="wm-login-subtitle">{t('login.subtitle')}</Typography.Paragraph>
            <LoginForm />
            <Typography.Paragraph className="wm-login-help">{t('login.help')}</Typography.Paragraph>
          </Card>
        </main>
        <footer className="wm-login-footer">{t('app.tagline')}</footer>
      </div>
    </ConfigProvider>
  );
}
