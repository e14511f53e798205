import { Empty, Grid, Pagination, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { modulePath } from '../../../app/modules.ts';
import { useResponsiveColumns } from '../../../app/responsiveColumns.ts';
import { MerchantFlags, MerchantStatusTag, RiskGradeTag } from '../merchantDisplay.tsx';
import type { Merchant, MerchantPage } from '../merchantsApi.ts';
import { pageSizes } from './merchantQuery.ts';

export interface ListPaging {
  page: number;
  pageSize: number;
  onChange: (page: number, pageSize: number) => void;
}

export function merchantPath(id: string): string {
  return `${modulePath('merchants')}/${id}`;
}

/** Opens a merchant remembering the list's URL, so "back" returns to the same filter and page. */
function MerchantLink({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  const location = useLocation();
  return (
    <Link
      to={merchantPath(id)}
      state={{ fromList: location.search }}
      className={className}
      data-testid={`merchant-link-${id}`}
    >
      {children}
    </Link>
  );
}

interface ListProps {
  result: MerchantPage | undefined;
  loading: boolean;
  paging: ListPaging;
}

/**
 * The page's merchants: a table on a desktop, cards on a phone (≤ 576 px), where an inspector standing in a
 * market reads one merchant per card instead of scrolling a table sideways.
 */
export function MerchantList(props: ListProps) {
  return Grid.useBreakpoint().sm === false ? <MerchantCards {...props} /> : <MerchantTable {...props} />;
}

function MerchantTable({ result, loading, paging }: ListProps) {
  const t = useT();
  const columns: TableColumnsType<Merchant> = [
    {
      key: 'merchantNo',
      title: t('merchants.col.merchantNo'),
      fixed: 'left',
      render: (_, item) => <MerchantLink id={item.id}>{item.merchantNo}</MerchantLink>,
    },
    { key: 'name', title: t('merchants.col.name'), dataIndex: 'name' },
    { key: 'kind', title: t('merchants.col.kind'), render: (_, item) => t(`merchants.kind.${item.kind}`) },
    { key: 'township', title: t('merchants.col.township'), dataIndex: 'townshipName' },
    {
      key: 'riskGrade',
      title: t('merchants.col.riskGrade'),
      render: (_, item) => <RiskGradeTag grade={item.riskGrade} />,
    },
    {
      key: 'status',
      title: t('merchants.col.status'),
      render: (_, item) => <MerchantStatusTag status={item.status} />,
    },
  ];
  return (
    <Table<Merchant>
      rowKey="id"
      size="middle"
      columns={useResponsiveColumns(columns)}
      dataSource={result?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('merchants.empty')} /> }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: result?.total ?? 0,
        pageSizeOptions: [...pageSizes],
        showSizeChanger: true,
        showTotal: (total) => t('table.total', { total }),
        onChange: paging.onChange,
      }}
      data-testid="merchant-table"
    />
  );
}

function MerchantCards({ result, paging }: ListProps) {
  const t = useT();
  const items = result?.items ?? [];
  return (
    <div data-testid="merchant-cards">
      {result && items.length === 0 && <Empty description={t('merchants.empty')} />}
      <ul className="wm-merchant-cards">
        {items.map((item) => (
          <li key={item.id}>
            <MerchantLink id={item.id} className="wm-merchant-card">
              <span className="wm-merchant-card-head">
                <strong>{item.name}</strong>
                <MerchantStatusTag status={item.status} />
              </span>
              <span className="wm-merchant-card-line">
                {item.merchantNo} · {t(`merchants.kind.${item.kind}`)} · {item.townshipName}
              </span>
              <span className="wm-merchant-card-line wm-merchant-card-address">{item.address}</span>
              <span className="wm-merchant-card-tags">
                {item.riskGrade && <RiskGradeTag grade={item.riskGrade} />}
                <MerchantFlags merchant={item} />
              </span>
            </MerchantLink>
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
          className="wm-merchant-cards-paging"
        />
      )}
      {result && <div className="wm-merchant-cards-total">{t('table.total', { total: result.total })}</div>}
    </div>
  );
}
