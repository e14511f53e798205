import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { BackHomeButton } from './BackHomeButton.tsx';
import './ComingSoon.css';
import { useT } from './i18n/I18nProvider.tsx';
import { moduleOf } from './installedModules.ts';
import type { ModuleKey } from './modules.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The placeholder page of a module not built yet: what it will do, and that it is coming. */
export function ComingSoon({ module }: { module: ModuleKey }) {
  const t = useT();
  const manifest = moduleOf(module);
  if (!manifest) return <NotFoundPage />;
  const Icon = manifest.icon;
  return (
    <Card variant="borderless" data-testid={`coming-soon-${module}`}>
      <Flex vertical align="center" gap={12} className="wm-coming-soon">
        <span className="wm-coming-soon-icon" aria-hidden="true">
          <Icon />
        </span>
        <Typography.Title level={1} className="wm-page-title">
          {t(manifest.label)}
        </Typography.Title>
        <Tag icon={<ClockCircleOutlined />} color="gold" className="wm-status-tag">
          {t('comingSoon.status')}
        </Tag>
        <Typography.Paragraph className="wm-coming-soon-text">{t(manifest.description)}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" className="wm-coming-soon-text">
          {t('comingSoon.hint')}
        </Typography.Paragraph>
        <BackHomeButton />
      </Flex>
    </Card>
  );
}
