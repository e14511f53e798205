import type { ReactNode } from 'react';
import { Empty, Grid, Pagination, Table, type TableColumnsType, Tooltip } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { formatDateTime } from '../../../app/format.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { modulePath } from '../../../app/modules.ts';
import { useResponsiveColumns } from '../../../app/responsiveColumns.ts';
import type { CaseListItem, CasePage } from '../casesApi.ts';
import { CaseClockTag, CaseStatusTag, EscalationTag, PriorityTag } from './caseDisplay.tsx';
import { pageSizes } from './listQuery.ts';

export interface ListPaging {
  page: number;
  pageSize: number;
  onChange: (page: number, pageSize: number) => void;
}

export function casePagePath(caseNo: string): string {
  return `${modulePath('cases')}/${caseNo}`;
}

/** Opens a case remembering the list's URL, so "back" returns to the same queue, filter and page. */
function CaseLink({ caseNo, children, className }: { caseNo: string; children: ReactNode; className?: string }) {
  const location = useLocation();
  return (
    <Link
      to={casePagePath(caseNo)}
      state={{ fromList: location.search }}
      className={className}
      data-testid={`case-link-${caseNo}`}
    >
      {children}
    </Link>
  );
}

/** The queue's cases: a table on a desktop, cards on a phone (≤ 576 px), where a table would need sideways scrolling. */
export function CaseList({
  result,
  loading,
  paging,
  now,
}: {
  result: CasePage | undefined;
  loading: boolean;
  paging: ListPaging;
  now: number;
}) {
  const screens = Grid.useBreakpoint();
  return screens.sm === false ? (
    <CaseCards result={result} paging={paging} now={now} />
  ) : (
    <CaseTable result={result} loading={loading} paging={paging} now={now} />
  );
}

function CaseTable({
  result,
  loading,
  paging,
  now,
}: {
  result: CasePage | undefined;
  loading: boolean;
  paging: ListPaging;
  now: number;
}) {
  const t = useT();
  const columns: TableColumnsType<CaseListItem> = [
    {
      key: 'caseNo',
      title: t('cases.col.caseNo'),
      fixed: 'left',
      render: (_, item) => <CaseLink caseNo={item.caseNo}>{item.caseNo}</CaseLink>,
    },
    {
      key: 'category',
      title: t('cases.col.category'),
      render: (_, item) => <Tooltip title={item.categoryCode}>{item.categoryName}</Tooltip>,
    },
    { key: 'township', title: t('cases.col.township'), dataIndex: 'townshipName' },
    { key: 'address', title: t('cases.col.address'), dataIndex: 'address', ellipsis: true, width: 240 },
    {
      key: 'status',
      title: t('cases.col.status'),
      render: (_, item) => (
        <>
          <CaseStatusTag status={item.status} />
          <PriorityTag priority={item.priority} />
        </>
      ),
    },
    { key: 'clock', title: t('cases.col.clock'), render: (_, item) => <CaseClockTag clock={item.clock} now={now} /> },
    {
      key: 'escalation',
      title: t('cases.col.escalation'),
      render: (_, item) => <EscalationTag level={item.escalationLevel} />,
    },
    {
      key: 'reportedAt',
      title: t('cases.col.reportedAt'),
      dataIndex: 'reportedAt',
      render: (at: string) => formatDateTime(at),
    },
  ];
  return (
    <Table<CaseListItem>
      rowKey="caseNo"
      size="middle"
      columns={useResponsiveColumns(columns)}
      dataSource={result?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('cases.empty')} /> }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: result?.total ?? 0,
        pageSizeOptions: [...pageSizes],
        showSizeChanger: true,
        showTotal: (total) => t('table.total', { total: result?.totalCapped ? `${total}+` : total }),
        onChange: paging.onChange,
      }}
      data-testid="case-table"
    />
  );
}

function CaseCards({ result, paging, now }: { result: CasePage | undefined; paging: ListPaging; now: number }) {
  const t = useT();
  const items = result?.items ?? [];
  return (
    <div data-testid="case-cards">
      {items.length === 0 && <Empty description={t('cases.empty')} />}
      <ul className="wm-case-cards">
        {items.map((item) => (
          <li key={item.caseNo}>
            <CaseLink caseNo={item.caseNo} className="wm-case-card">
              <span className="wm-case-card-head">
                <strong>{item.caseNo}</strong>
                <CaseStatusTag status={item.status} />
              </span>
              <span className="wm-case-card-line">
                {item.categoryName} · {item.townshipName}
              </span>
              <span className="wm-case-card-line wm-case-card-address">{item.address}</span>
              <span className="wm-case-card-tags">
                <CaseClockTag clock={item.clock} now={now} />
                <EscalationTag level={item.escalationLevel} />
                <PriorityTag priority={item.priority} />
              </span>
            </CaseLink>
          </li>
        ))}
      </ul>
      {(result?.total ?? 0) > paging.pageSize && (
        <Pagination
          simple
          current={paging.page}
          pageSize={paging.pageSize}
          total={result?.total ?? 0}
          onChange={paging.onChange}
          className="wm-case-cards-paging"
        />
      )}
      {result && (
        <div className="wm-case-cards-total">
          {t('table.total', { total: result.totalCapped ? `${result.total}+` : result.total })}
        </div>
      )}
    </div>
  );
}
