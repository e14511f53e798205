import { Table, type TableColumnsType } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import './admin.css';
import { LoadFailure } from '../LoadFailure.tsx';
import { useResponsiveColumns } from '../responsiveColumns.ts';
import type { UserPageState } from './useUserPage.ts';
import type { UserDto } from './users.ts';

/** A page of users with server-side paging; on a phone the table scrolls sideways inside its card. */
export function UserTable({ state, columns }: { state: UserPageState; columns: TableColumnsType<UserDto> }) {
  const t = useT();
  const shownColumns = useResponsiveColumns(columns);
  const { page, query, loading, error, setQuery, reload } = state;
  return (
    <>
      {error !== undefined && <LoadFailure error={error} onRetry={reload} />}
      <Table<UserDto>
        rowKey="id"
        size="middle"
        columns={shownColumns}
        dataSource={page?.items ?? []}
        loading={loading}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: page?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('table.total', { total }),
          onChange: (current, pageSize) => setQuery({ page: pageSize === query.pageSize ? current : 1, pageSize }),
        }}
        data-testid="user-table"
      />
    </>
  );
}
