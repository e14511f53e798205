import { Result } from 'antd';
import { BackHomeButton } from './BackHomeButton.tsx';
import { useT } from './i18n/I18nProvider.tsx';

export function NotFoundPage() {
  const t = useT();
  return (
    <Result status="404" title={t('notFound.title')} subTitle={t('notFound.description')} extra={<BackHomeButton />} />
  );
}
