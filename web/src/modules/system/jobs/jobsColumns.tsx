import { Button, type TableColumnsType, Tag } from 'antd';
import { formatDateTime, noValue } from '../../../app/format.ts';
import type { Translate } from '../../../app/i18n/translate.ts';
import type { FailedJob, JobSchedule } from './jobsApi.ts';

/** '每 30 秒', 'every 6 hours': the largest whole unit. */
export function everyText(ms: number, t: Translate): string {
  if (ms % 3_600_000 === 0) return t('system.jobs.everyHours', { n: ms / 3_600_000 });
  if (ms % 60_000 === 0) return t('system.jobs.everyMinutes', { n: ms / 60_000 });
  return t('system.jobs.everySeconds', { n: Math.round(ms / 1000) });
}

function lastRun(schedule: JobSchedule, t: Translate) {
  if (schedule.running) return <Tag color="blue">{t('system.jobs.running')}</Tag>;
  if (!schedule.lastOutcome) return t('system.jobs.never');
  const color = schedule.lastOutcome === 'ok' ? 'green' : 'red';
  return (
    <>
      <Tag color={color}>{t(`system.jobs.outcome.${schedule.lastOutcome}`)}</Tag>
      {formatDateTime(schedule.lastStartedAt)}
    </>
  );
}

/** Name, interval, last run and how it went, next run, the last error. */
export function scheduleColumns(t: Translate): TableColumnsType<JobSchedule> {
  return [
    { key: 'name', title: t('system.jobs.name'), dataIndex: 'name', fixed: 'left' },
    { key: 'every', title: t('system.jobs.every'), render: (_, s) => everyText(s.everyMs, t) },
    { key: 'last', title: t('system.jobs.lastRun'), render: (_, s) => lastRun(s, t) },
    { key: 'next', title: t('system.jobs.nextRun'), render: (_, s) => formatDateTime(s.nextRunAt) },
    { key: 'error', title: t('system.jobs.lastError'), render: (_, s) => s.lastError ?? noValue },
  ];
}

/** Name, state, attempts, the error and when; a dead job offers 重试. No payload: the server sends none. */
export function failedJobColumns(
  t: Translate,
  retry: (job: FailedJob) => void,
  retrying: string | undefined,
): TableColumnsType<FailedJob> {
  return [
    { key: 'name', title: t('system.jobs.name'), dataIndex: 'name', fixed: 'left' },
    {
      key: 'state',
      title: t('system.jobs.state'),
      render: (_, j) => <Tag color={j.state === 'dead' ? 'red' : 'orange'}>{t(`system.jobs.state.${j.state}`)}</Tag>,
    },
    { key: 'attempts', title: t('system.jobs.attempts'), render: (_, j) => `${j.attempts}/${j.maxAttempts}` },
    { key: 'error', title: t('system.jobs.lastError'), render: (_, j) => j.lastError ?? noValue },
    { key: 'at', title: t('system.jobs.at'), render: (_, j) => formatDateTime(j.finishedAt ?? j.runAt) },
    {
      key: 'actions',
      title: t('table.actions'),
      fixed: 'right',
      render: (_, j) =>
        j.state === 'dead' ? (
          <Button size="small" loading={retrying === j.id} onClick={() => retry(j)} data-testid={`job-retry-${j.id}`}>
            {t('system.jobs.retry')}
          </Button>
        ) : null,
    },
  ];
}
