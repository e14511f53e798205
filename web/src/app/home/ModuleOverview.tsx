import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/I18nProvider.tsx';
import './home.css';
import type { ModuleStatus } from '../meta/meta.ts';
import { useMeta } from '../meta/MetaProvider.tsx';
import { moduleOf } from '../installedModules.ts';
import { isAdminModule, type ModuleKey, modulePath } from '../modules.ts';
import { useVisibleModules } from '../auth/permissions.ts';

/** Every module this user may open, with its state as the server reports it (ready or coming). */
export function ModuleOverview() {
  const t = useT();
  const visible = useVisibleModules();
  const { state } = useMeta();
  const statuses = state.status === 'ready' ? state.meta.modules : undefined;
  return (
    <Card title={t('home.modulesTitle')} data-testid="module-overview">
      <Row gutter={[16, 16]}>
        {visible.map((key) => (
          <Col key={key} xs={24} sm={12} xl={8}>
            <ModuleCard moduleKey={key} ready={readiness(statuses, key)} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/**
 * undefined while the server has not answered: no tag rather than a guessed one. The administrators' areas
 * are part of the platform itself (the server's module list names only business modules), so always ready.
 */
function readiness(statuses: ModuleStatus[] | undefined, key: ModuleKey): boolean | undefined {
  if (!statuses) return undefined;
  if (isAdminModule(key)) return true;
  return statuses.find((status) => status.key === key)?.ready ?? false;
}

function ModuleCard({ moduleKey, ready }: { moduleKey: ModuleKey; ready: boolean | undefined }) {
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
            {ready !== undefined && <StatusTag ready={ready} />}
          </span>
        </div>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="wm-module-description">
          {t(description)}
        </Typography.Paragraph>
      </Card>
    </Link>
  );
}

function StatusTag({ ready }: { ready: boolean }) {
  const t = useT();
  return ready ? (
    <Tag color="green" icon={<CheckCircleOutlined />} data-status="ready">
      {t('status.ready')}
    </Tag>
  ) : (
    <Tag color="default" icon={<ClockCircleOutlined />} data-status="coming">
      {t('status.coming')}
    </Tag>
  );
}
