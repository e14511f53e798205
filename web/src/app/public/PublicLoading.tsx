import { useT } from '../i18n/I18nProvider.tsx';
import { Spinner } from './Spinner.tsx';

/** While a residents' page downloads: a spinner and its words, announced politely, without antd's Spin. */
export function PublicLoading() {
  const t = useT();
  return (
    <div className="wm-public-loading" role="status">
      <Spinner />
      <span>{t('app.loading')}</span>
    </div>
  );
}
