import { ConfigProvider, Grid, Typography } from 'antd';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../../../app/i18n/LanguageSwitch.tsx';
import { largeFormTheme } from '../../../app/theme.ts';
import { useCountyName } from '../../../app/meta/MetaProvider.tsx';
import './citizen.css';

/**
 * The frame of the residents' pages: the sign-in pages' calm look (large type, one card, the language switch)
 * with the two things a resident does, report and track. The emblem does not link to the staff home page.
 */
export function CitizenFrame({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const t = useT();
  const county = useCountyName();
  const screens = Grid.useBreakpoint();
  return (
    <ConfigProvider theme={largeFormTheme}>
      <div className="wm-citizen-page">
        <header className="wm-citizen-top">
          <span className="wm-brand">
            <span className="wm-tile wm-emblem" aria-hidden="true">
              {t('app.emblem')}
            </span>
            <span className="wm-brand-name">
              {screens.sm === false || !county ? t('citizen.title') : `${county} · ${t('citizen.title')}`}
            </span>
          </span>
          <LanguageSwitch size="large" />
        </header>
        <nav className="wm-citizen-nav" aria-label={t('citizen.nav.label')}>
          <NavLink to="/report" data-testid="citizen-nav-report">
            {t('citizen.nav.report')}
          </NavLink>
          <NavLink to="/track" data-testid="citizen-nav-track">
            {t('citizen.nav.track')}
          </NavLink>
        </nav>
        <main className="wm-citizen-main">
          <div className="wm-citizen-card">
            <Typography.Title level={1} className="wm-citizen-title">
              {title}
            </Typography.Title>
            {intro && <Typography.Paragraph className="wm-citizen-intro">{intro}</Typography.Paragraph>}
            {children}
          </div>
        </main>
        <footer className="wm-citizen-footer">{t('citizen.footer')}</footer>
      </div>
    </ConfigProvider>
  );
}
