import { Card, Select, Table, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../app/LoadFailure.tsx';
import { useResponsiveColumns } from '../../../app/responsiveColumns.ts';
import { type SmsStatus, smsStatuses } from './smsApi.ts';
import { smsColumns } from './smsColumns.tsx';
import { smsPageSize, useSmsDeliveries } from './useSmsDeliveries.ts';

/** 短信发送记录: what was sent to whom (masked), how it went, and 重发 for a message given up. */
export function SmsDeliveriesCard() {
  const t = useT();
  const sms = useSmsDeliveries();
  const columns = useResponsiveColumns(smsColumns(t, (d) => void sms.retry(d), sms.retrying));
  const data = sms.list.data;
  return (
    <Card title={t('system.sms.title')} data-testid="system-sms">
      <div className="wm-toolbar">
        <Select<SmsStatus>
          allowClear
          placeholder={t('system.sms.allStatuses')}
          value={sms.status}
          onChange={sms.filter}
          options={smsStatuses.map((status) => ({ value: status, label: t(`system.sms.status.${status}`) }))}
          style={{ minWidth: 160 }}
          data-testid="sms-status-filter"
        />
        {data && (
          <Typography.Text type="secondary" data-testid="sms-gateway">
            {t(data.gateway === 'local' ? 'system.sms.gatewayLocal' : 'system.sms.gateway', { gateway: data.gateway })}
          </Typography.Text>
        )}
      </div>
      {sms.list.error ? (
        <LoadFailure error={sms.list.error} onRetry={sms.list.reload} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={sms.list.loading}
          scroll={{ x: 'max-content' }}
          pagination={{ current: sms.page, pageSize: smsPageSize, total: data?.total ?? 0, onChange: sms.setPage }}
          data-testid="sms-table"
        />
      )}
    </Card>
  );
}
