import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { BackHomeButton } from './BackHomeButton.tsx';
import './ComingSoon.css';
import { useT } from './i18n/I18nProvider.tsx';
import { moduleIcons } from './moduleIcons.tsx';
import type { ModuleKey } from './modules.ts';

/** The placeholder page of a module not built yet: what it will do, and that it is coming. */
export function ComingSoon({ module }: { module: ModuleKey }) {
  const t = useT();
  const Icon = moduleIcons[module];
  return (
    <Card variant="borderless" data-testid={`coming-soon-${module}`}>
      <Flex vertical align="center" gap={12} className="wm-coming-soon">
        <span className="wm-coming-soon-icon" aria-hidden="true">
          <Icon />
        </span>
        <Typography.Title level={1} className="wm-page-title">
          {t(`module.${module}.label`)}
        </Typography.Title>
        <Tag icon={<ClockCircleOutlined />} color="gold" className="wm-status-tag">
          {t('comingSoon.status')}
        </Tag>
        <Typography.Paragraph className="wm-coming-soon-text">{t(`module.${module}.description`)}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" className="wm-coming-soon-text">
          {t('comingSoon.hint')}
        </Typography.Paragraph>
        <BackHomeButton />
      </Flex>
    </Card>
  );
}
