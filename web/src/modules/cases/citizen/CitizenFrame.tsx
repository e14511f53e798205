import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useCountyName } from '../../../app/meta/MetaProvider.tsx';
import { PublicLanguageSwitch } from '../../../app/public/PublicLanguageSwitch.tsx';
import './controls.css';
import './citizen.css';
import './tracking.css';

/**
 * The frame of the residents' pages: the sign-in pages' calm look (large type, one card, the language switch)
 * with the two things a resident does, report and track. The emblem does not link to the staff home page.
 * Native elements styled by `controls.css`, `citizen.css` and `tracking.css`: no antd reaches a resident's phone (#12).
 */
export function CitizenFrame({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const t = useT();
  const county = useCountyName();
  return (
    <div className="wm-citizen-page">
      <header className="wm-citizen-top">
        <span className="wm-brand">
          <span className="wm-tile wm-emblem" aria-hidden="true">
            {t('app.emblem')}
          </span>
          <span className="wm-brand-name">
            {/* The county's name only where there is room for it (hidden below 576 px by citizen.css). */}
            {county && <span className="wm-citizen-county">{`${county} · `}</span>}
            {t('citizen.title')}
          </span>
        </span>
        <PublicLanguageSwitch />
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
          <h1 className="wm-citizen-title">{title}</h1>
          {intro && <p className="wm-citizen-intro">{intro}</p>}
          {children}
        </div>
      </main>
      <footer className="wm-citizen-footer">{t('citizen.footer')}</footer>
    </div>
  );
}
