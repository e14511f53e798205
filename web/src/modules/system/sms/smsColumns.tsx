import { Button, type TableColumnsType, Tag, Typography } from 'antd';
import { formatDateTime, noValue } from '../../../app/format.ts';
import type { Translate } from '../../../app/i18n/translate.ts';
import type { SmsDelivery, SmsStatus } from './smsApi.ts';

const statusColor: Record<SmsStatus, string> = {
  pending: 'blue',
  sending: 'geekblue',
  sent: 'green',
  failed: 'orange',
  dead: 'red',
  cancelled: 'default',
};

export function SmsStatusTag({ status, t }: { status: SmsStatus; t: Translate }) {
  return <Tag color={statusColor[status]}>{t(`system.sms.status.${status}`)}</Tag>;
}

/** Masked phone, template, status, attempts and the last error; a dead message offers 重发. */
export function smsColumns(
  t: Translate,
  retry: (delivery: SmsDelivery) => void,
  retrying: string | undefined,
): TableColumnsType<SmsDelivery> {
  return [
    { key: 'createdAt', title: t('system.sms.createdAt'), render: (_, d) => formatDateTime(d.createdAt) },
    { key: 'phone', title: t('system.sms.phone'), dataIndex: 'phone' },
    {
      key: 'template',
      title: t('system.sms.template'),
      render: (_, d) => (
        <>
          <div>{d.template}</div>
          <Typography.Text type="secondary">{d.templateCode}</Typography.Text>
        </>
      ),
    },
    { key: 'status', title: t('system.sms.statusTitle'), render: (_, d) => <SmsStatusTag status={d.status} t={t} /> },
    { key: 'attempts', title: t('system.sms.attempts'), dataIndex: 'attempts' },
    { key: 'lastError', title: t('system.sms.lastError'), render: (_, d) => d.lastError ?? noValue },
    {
      key: 'actions',
      title: t('table.actions'),
      fixed: 'right',
      render: (_, d) =>
        d.status === 'dead' ? (
          <Button size="small" loading={retrying === d.id} onClick={() => retry(d)} data-testid={`sms-retry-${d.id}`}>
            {t('system.sms.retry')}
          </Button>
        ) : null,
    },
  ];
}
