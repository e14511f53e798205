import { Card, ConfigProvider, Grid, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { Brand } from '../layout/Brand.tsx';
import { largeFormTheme } from '../theme.ts';
import './login.css';

/**
 * The frame of the sign-in pages (password, one-time code, enrolment, new password): one calm card with
 * large type, the brand and the language switch above it. Works at 360 px.
 */
export function AuthFrame({
  title,
  subtitle,
  children,
  wide = false,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  return (
    <ConfigProvider theme={largeFormTheme}>
      <div className="wm-login-page">
        <header className="wm-login-top">
          <Brand compact={screens.sm === false} />
          <LanguageSwitch size="large" />
        </header>
        <main className="wm-login-main">
          <Card className={wide ? 'wm-login-card wm-login-card-wide' : 'wm-login-card'}>
            <Typography.Title level={1} className="wm-login-title">
              {title}
            </Typography.Title>
            {subtitle && <Typography.Paragraph className="wm-login-subtitle">{subtitle}</Typography.Paragraph>}
            {children}
          </Card>
        </main>
        <footer className="wm-login-footer">{t('app.tagline')}</footer>
      </div>
    </ConfigProvider>
  );
}
