import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/I18nProvider.tsx';
import './home.css';
import { useVisibleModules } from '../auth/permissions.ts';
import { moduleOf } from '../installedModules.ts';
import { isPlannedModule, type ModuleKey, modulePath } from '../modules.ts';

/**
 * The areas this person opens that brought no card of their own (an administrator's area, a module without
 * to-dos), and the modules planned for their post, marked 规划中. Nothing here would be refused.
 */
export function ModuleOverview({ withoutCards }: { withoutCards: readonly ModuleKey[] }) {
  const t = useT();
  const visible = useVisibleModules().filter((key) => !withoutCards.includes(key));
  const built = visible.filter((key) => !isPlannedModule(key));
  const planned = visible.filter(isPlannedModule);
  if (visible.length === 0 && withoutCards.length === 0)
    return (
      <Card data-testid="module-overview">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.nothingYet')} />
      </Card>
    );
  return (
    <>
      {built.length > 0 && <ModuleGroup title={t('home.otherModules')} keys={built} testId="module-overview" />}
      {planned.length > 0 && (
        <ModuleGroup
          title={t('home.plannedTitle')}
          intro={t('home.plannedIntro')}
          keys={planned}
          testId="module-planned"
        />
      )}
    </>
  );
}

function ModuleGroup(props: { title: string; intro?: string; keys: readonly ModuleKey[]; testId: string }) {
  return (
    <Card title={props.title} data-testid={props.testId}>
      {props.intro && <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        {props.keys.map((key) => (
          <Col key={key} xs={24} sm={12} xl={8}>
            <ModuleCard moduleKey={key} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function ModuleCard({ moduleKey }: { moduleKey: ModuleKey }) {
  const t = useT();
  const { icon: Icon, label: labelKey, description } = moduleOf(moduleKey)!;
  const label = t(labelKey);
  return (
    <Link to={modulePath(moduleKey)} className="wm-module-link" aria-label={t('home.openModule', { module: label })}>
      <Card hoverable size="small" className="wm-module-card" data-testid={`module-${moduleKey}`}>
        <div className="wm-module-card-head">
          <span className="wm-tile wm-module-icon" aria-hidden="true">
            <Icon />
          </span>
          <span className="wm-module-title">
            <Typography.Text strong className="wm-module-label">
              {label}
            </Typography.Text>
            {isPlannedModule(moduleKey) && (
              <Tag icon={<ClockCircleOutlined />} data-status="planned">
                {t('home.plannedTitle')}
              </Tag>
            )}
          </span>
        </div>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="wm-module-description">
          {t(description)}
        </Typography.Paragraph>
      </Card>
    </Link>
  );
}
