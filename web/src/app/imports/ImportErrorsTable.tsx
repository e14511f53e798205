import { Table, type TableColumnsType } from 'antd';
import { noValue } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { Translate } from '../i18n/translate.ts';
import { errorPageSize, type RowErrorPage } from './importsApi.ts';
import type { ImportPageState } from './useImportPage.ts';

type RowError = RowErrorPage['items'][number];

function errorColumns(t: Translate): TableColumnsType<RowError> {
  return [
    { key: 'row', title: t('imports.errors.row'), dataIndex: 'rowNumber', width: 72 },
    {
      key: 'column',
      title: t('imports.errors.column'),
      dataIndex: 'columnHeader',
      render: (v: string | null) => v ?? noValue,
    },
    { key: 'message', title: t('imports.errors.message'), dataIndex: 'message' },
  ];
}

/** The refused rows: row number, column and reason in the reader's language, paged by the server. */
export function ImportErrorsTable({ page }: { page: ImportPageState }) {
  const t = useT();
  const { errors, page: current, setPage } = page.rowErrors;
  if (!errors) return null;
  return (
    <Table<RowError>
      data-testid="import-errors"
      size="small"
      rowKey={(e) => `${e.rowNumber}-${e.column ?? ''}-${e.code}-${e.message}`}
      columns={errorColumns(t)}
      dataSource={errors.items}
      scroll={{ x: 'max-content' }}
      pagination={{
        current,
        pageSize: errorPageSize,
        total: errors.total,
        onChange: setPage,
        size: 'small',
        showSizeChanger: false,
      }}
    />
  );
}
