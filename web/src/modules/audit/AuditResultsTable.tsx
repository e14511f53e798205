import { Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import type { Page } from '../../app/admin/users.ts';
import { formatDateTime, noValue } from '../../app/format.ts';
import { useResponsiveColumns } from '../../app/responsiveColumns.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import type { AuditEvent } from './auditApi.ts';
import { AuditEventDetails } from './AuditEventDetails.tsx';

export interface AuditPaging {
  page: number;
  pageSize: number;
  onChange: (page: number, pageSize: number) => void;
}

/** Newest first; a row opens to show everything stored with it. */
export function AuditResultsTable({
  result,
  loading,
  paging,
}: {
  result: Page<AuditEvent> | undefined;
  loading: boolean;
  paging: AuditPaging;
}) {
  const t = useT();
  const columns: TableColumnsType<AuditEvent> = [
    {
      key: 'time',
      title: t('audit.occurredAt'),
      dataIndex: 'occurredAt',
      render: (at: string) => formatDateTime(at, true),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, event) => <Tooltip title={event.actorId ?? undefined}>{event.display.actor}</Tooltip>,
    },
    {
      key: 'event',
      title: t('audit.eventType'),
      // The server's words in the reader's language; the stored code on hover, for filtering and the API.
      render: (_, event) => <Tooltip title={`${event.eventType} · ${event.action}`}>{event.display.event}</Tooltip>,
    },
    {
      key: 'object',
      title: t('audit.object'),
      render: (_, event) =>
        event.display.object === null ? (
          noValue
        ) : (
          <Tooltip title={`${event.objectType ?? ''} · ${event.objectId ?? ''}`}>{event.display.object}</Tooltip>
        ),
    },
    {
      key: 'outcome',
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      render: (outcome: AuditEvent['outcome']) =>
        outcome === 'success' ? (
          <Tag color="green">{t('audit.outcomeSuccess')}</Tag>
        ) : (
          <Tag color="red">{t('audit.outcomeFailure')}</Tag>
        ),
    },
    { key: 'ip', title: t('audit.sourceIp'), dataIndex: 'sourceIp', render: (ip: string | null) => ip ?? noValue },
  ];
  const shownColumns = useResponsiveColumns(columns);
  return (
    <Table<AuditEvent>
      rowKey="seq"
      size="middle"
      columns={shownColumns}
      dataSource={result?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      expandable={{ expandedRowRender: (event) => <AuditEventDetails event={event} /> }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: result?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('table.total', { total }),
        onChange: paging.onChange,
      }}
      data-testid="audit-results"
    />
  );
}
