import { Flex, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import { useCountyName } from '../meta/MetaProvider.tsx';
import { MetaPanel } from './MetaPanel.tsx';
import { ModuleOverview } from './ModuleOverview.tsx';

/** `/`: what this installation is and which modules it offers. */
export function HomePage() {
  const t = useT();
  const county = useCountyName();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} className="wm-page-title">
          {t('home.welcome')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="wm-page-intro">
          {county ? t('home.intro', { county }) : t('app.tagline')}
        </Typography.Paragraph>
      </div>
      <MetaPanel />
      <ModuleOverview />
    </Flex>
  );
}
