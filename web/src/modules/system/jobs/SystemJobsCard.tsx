import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../app/LoadFailure.tsx';
import { useResponsiveColumns } from '../../../app/responsiveColumns.ts';
import type { JobsOverview } from './jobsApi.ts';
import { failedJobColumns, scheduleColumns } from './jobsColumns.tsx';
import { useSystemJobs } from './useSystemJobs.ts';
import { EmptyListText } from '../../../app/EmptyListText.tsx';

const countColors = { pending: 'blue', running: 'geekblue', done: 'green', dead: 'red' } as const;

function QueueCounts({ counts }: { counts: JobsOverview['counts'] }) {
  const t = useT();
  return (
    <Flex wrap gap={8} data-testid="jobs-counts">
      {(Object.keys(countColors) as Array<keyof typeof countColors>).map((state) => (
        <Tag key={state} color={countColors[state]} data-testid={`jobs-count-${state}`}>
          {t(`system.jobs.count.${state}`, { n: counts[state] })}
        </Tag>
      ))}
    </Flex>
  );
}

/** 后台任务: the schedules and how their last run went, the queue by state, and the latest failed jobs. */
export function SystemJobsCard() {
  const t = useT();
  const jobs = useSystemJobs();
  const schedules = useResponsiveColumns(scheduleColumns(t));
  const failures = useResponsiveColumns(failedJobColumns(t, (job) => void jobs.retry(job), jobs.retrying));
  const data = jobs.overview.data;
  if (jobs.overview.error)
    return (
      <Card title={t('system.jobs.title')} data-testid="system-jobs">
        <LoadFailure error={jobs.overview.error} onRetry={jobs.overview.reload} />
      </Card>
    );
  return (
    <Card title={t('system.jobs.title')} loading={jobs.overview.loading && !data} data-testid="system-jobs">
      <Flex vertical gap={16}>
        {data && <QueueCounts counts={data.counts} />}
        <Typography.Title level={5}>{t('system.jobs.schedules')}</Typography.Title>
        <Table
          rowKey="name"
          size="small"
          columns={schedules}
          dataSource={data?.schedules ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="jobs-schedules"
        />
        <Typography.Title level={5}>{t('system.jobs.failures')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          columns={failures}
          dataSource={data?.failures ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyListText>{t('system.jobs.noFailures')}</EmptyListText> }}
          data-testid="jobs-failures"
        />
      </Flex>
    </Card>
  );
}
