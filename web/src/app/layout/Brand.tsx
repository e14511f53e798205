import { Link } from 'react-router-dom';
import { useT } from '../i18n/I18nProvider.tsx';
import { useCountyName } from '../meta/MetaProvider.tsx';

/** The emblem and product name; links home. On phones only the short name fits beside the controls. */
export function Brand({ compact }: { compact: boolean }) {
  const t = useT();
  const county = useCountyName();
  const fullName = county ? t('app.brand', { county }) : t('app.brandWithoutCounty');
  return (
    // Named by its visible text (the emblem is hidden from screen readers): an aria-label that differs from what
    // is shown breaks voice control ("click 文明"), WCAG 2.5.3.
    <Link to="/" className="wm-brand" title={fullName}>
      <span className="wm-tile wm-emblem" aria-hidden="true">
        {t('app.emblem')}
      </span>
      <span className="wm-brand-name">{compact ? t('app.name') : fullName}</span>
    </Link>
  );
}
