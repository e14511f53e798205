import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from './i18n/I18nProvider.tsx';

/** A real button (not a button inside a link) so keyboard and screen-reader users meet one control. */
export function BackHomeButton() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('app.backHome')}
    </Button>
  );
}
