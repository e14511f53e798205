import { Card, Flex, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useLoad } from '../../app/useLoad.ts';
import type { Page } from '../../app/admin/users.ts';
import { useCan } from '../../app/auth/permissions.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../app/LoadFailure.tsx';
import { PageHeading } from '../../app/PageHeading.tsx';
import { type AuditEvent, type AuditFilters, auditApi } from './auditApi.ts';
import { AuditResultsTable } from './AuditResultsTable.tsx';
import { AuditSearchForm } from './AuditSearchForm.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { useChainVerification, VerifyButton, VerifyResult } from './VerifyChain.tsx';
import './audit.css';

interface SearchState {
  filters: AuditFilters;
  page: number;
  pageSize: number;
  /** Bumped by a repeated search with the same filters, so it reads again. */
  attempt: number;
}

/** 审计管理 (三员: the audit administrator): search the tamper-evident trail, verify it, export it. */
export default function AuditAdminPage() {
  const t = useT();
  const can = useCan();
  const [search, setSearch] = useState<SearchState>({ filters: {}, page: 1, pageSize: 20, attempt: 0 });
  // `search` is a new object for every search, page change and retry, so each one reads again.
  const load = useCallback(
    (signal: AbortSignal) => auditApi.search(search.filters, search.page, search.pageSize, signal),
    [search],
  );
  const { data: result, loading, error } = useLoad<Page<AuditEvent>>(load);

  const verification = useChainVerification();
  const retry = () => setSearch((current) => ({ ...current, attempt: current.attempt + 1 }));

  return (
    <Flex vertical gap={16}>
      <PageHeading title={t('module.audit.label')} intro={t('audit.intro')} />
      <Card title={t('audit.searchTitle')}>
        <AuditSearchForm
          onSearch={(filters) =>
            setSearch((current) => ({ ...current, filters, page: 1, attempt: current.attempt + 1 }))
          }
        />
      </Card>
      <Card title={t('audit.resultsTitle')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            {can('audit.verify') && (
              <VerifyButton state={verification.state} onVerify={() => void verification.verify()} />
            )}
            {can('audit.export') && <ExportButtons filters={search.filters} />}
          </Space>
          <VerifyResult state={verification.state} />
          {error !== undefined && <LoadFailure error={error} onRetry={retry} />}
          <AuditResultsTable
            result={result}
            loading={loading}
            paging={{
              page: search.page,
              pageSize: search.pageSize,
              onChange: (page, pageSize) =>
                setSearch((current) => ({ ...current, page: pageSize === current.pageSize ? page : 1, pageSize })),
            }}
          />
        </Space>
      </Card>
    </Flex>
  );
}
