import { Flex, Spin } from 'antd';
import { useT } from './i18n/I18nProvider.tsx';

export function FullPageLoading() {
  const t = useT();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}
