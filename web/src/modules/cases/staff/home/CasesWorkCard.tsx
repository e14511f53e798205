import { AreaChartOutlined, EnvironmentOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCan } from '../../../../app/auth/permissions.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../../app/LoadFailure.tsx';
import { modulePath } from '../../../../app/modules.ts';
import { useLoad } from '../../../../app/useLoad.ts';
import { casesApi, type QueueCount } from '../../casesApi.ts';
import './work.css';

const casesPath = () => modulePath('cases');

/**
 * 市容案件 on the staff home: how many cases wait in each of the reader's queues (待受理, 待核实, 待派遣, 待处理,
 * 待核查, 超期, 督办, 我的上报), each opening its list, and the module's main pages — 综合评价 first for those who
 * evaluate (the campaign office opens on it).
 */
export default function CasesWorkCard() {
  const t = useT();
  const counts = useLoad(casesApi.queueCounts);
  return (
    <Card title={t('cases.work.title')} extra={<WorkLinks />} data-testid="cases-work">
      <Flex vertical gap={12}>
        <EvaluationLink />
        <Typography.Text type="secondary">{t('cases.work.intro')}</Typography.Text>
        {counts.error !== undefined && <LoadFailure error={counts.error} onRetry={counts.reload} />}
        {counts.loading && counts.data === undefined && <Skeleton active paragraph={{ rows: 2 }} />}
        {counts.data && <QueueTiles items={counts.data.items} />}
      </Flex>
    </Card>
  );
}

function QueueTiles({ items }: { items: readonly QueueCount[] }) {
  const t = useT();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.work.none')} />;
  return (
    <Row gutter={[12, 12]}>
      {items.map((item) => (
        <Col key={item.queue} xs={12} sm={8} lg={6}>
          <QueueTile item={item} />
        </Col>
      ))}
    </Row>
  );
}

/** One queue: its count, large, over its name; the whole tile opens the queue's tab of the list. */
function QueueTile({ item }: { item: QueueCount }) {
  const t = useT();
  const queue = t(`cases.queue.${item.queue}`);
  const count = item.capped ? t('cases.work.capped', { count: item.count }) : String(item.count);
  const alarm = (item.queue === 'overdue' || item.queue === 'escalated') && item.count > 0;
  return (
    <Link
      to={`${casesPath()}?tab=${item.queue}`}
      className={alarm ? 'wm-work-tile wm-work-tile-alarm' : 'wm-work-tile'}
      aria-label={t('cases.work.open', { queue, count })}
      data-testid={`work-${item.queue}`}
    >
      <span className="wm-work-count">{count}</span>
      <span className="wm-work-label">{queue}</span>
    </Link>
  );
}

/** 创文办 and whoever evaluates: the evaluation pages, prominently (issue #12: the office's home opens on them). */
function EvaluationLink() {
  const t = useT();
  const can = useCan();
  if (!can('cases.evaluate')) return null;
  return (
    <Link to={`${casesPath()}/evaluation`} className="wm-work-evaluation" data-testid="work-evaluation">
      <AreaChartOutlined aria-hidden="true" className="wm-work-evaluation-icon" />
      <span>
        <Typography.Text strong>{t('cases.work.evaluation')}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{t('cases.work.evaluationHint')}</Typography.Text>
      </span>
    </Link>
  );
}

function WorkLinks() {
  const t = useT();
  return (
    <Flex gap={12} wrap>
      <Link to={`${casesPath()}?tab=all`}>
        <UnorderedListOutlined aria-hidden="true" /> {t('cases.work.allCases')}
      </Link>
      <Link to={`${casesPath()}/map`}>
        <EnvironmentOutlined aria-hidden="true" /> {t('cases.work.map')}
      </Link>
    </Flex>
  );
}
