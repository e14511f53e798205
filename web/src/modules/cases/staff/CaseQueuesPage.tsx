import { EnvironmentOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, Space, Tabs } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { sessionPermissions } from '../../../app/auth/permissions.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../app/LoadFailure.tsx';
import { modulePath } from '../../../app/modules.ts';
import { PageHeading } from '../../../app/PageHeading.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { type CaseFilters, casesApi } from '../casesApi.ts';
import { CaseFiltersForm } from './CaseFiltersForm.tsx';
import { CaseList } from './CaseList.tsx';
import { OpenSettingsButton } from './settings/OpenSettingsButton.tsx';
import { OpenEvaluationButton } from './evaluation/OpenEvaluationButton.tsx';
import { ExportCasesButton } from './ExportCasesButton.tsx';
import { ReportButton } from './report/ReportButton.tsx';
import { SearchAllStatesNotice } from './SearchAllStatesNotice.tsx';
import { type QueueTab, queueTabsFor } from './queues.ts';
import { useCaseLookups } from './useCaseLookups.ts';
import { useListQuery } from './useListQuery.ts';
import { type QueueCounts, useQueueCounts } from './useQueueCounts.ts';

/** 市容案件: the work queues of the user's posts, the filtered list, and the way to the map and the export. */
export function CaseQueuesPage() {
  const t = useT();
  const { session } = useAuth();
  const permissions = sessionPermissions(session);
  const tabs = queueTabsFor(permissions);
  const { query, tab, apiFilters, update, search } = useListQuery(tabs);
  const lookups = useCaseLookups();
  const counts = useQueueCounts(tabs);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `search` (filter, page, retry) reads again.
  const load = useCallback(
    (signal: AbortSignal) => casesApi.list(apiFilters, query.page, query.pageSize, signal),
    [apiFilters, query.page, query.pageSize, search],
  );
  const list = useLoad(load);
  // Every row's clock is judged against the instant the page was read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer is a new instant.
  const now = useMemo(() => Date.now(), [list.data]);

  if (!tab) {
    return (
      <Flex vertical gap={16}>
        <PageHeading title={t('module.cases.label')} />
        <Alert type="warning" showIcon title={t('forbidden.title')} description={t('forbidden.description')} />
      </Flex>
    );
  }

  const refresh = () => {
    list.reload();
    counts.reload();
  };

  return (
    <Flex vertical gap={16}>
      <PageHeading title={t('module.cases.label')} intro={t('cases.intro')} />
      <Card>
        <QueueTabs tabs={tabs} active={tab} counts={counts.data} onChange={(key) => update({ tab: key, page: 1 })} />
        <CaseFiltersForm
          filters={query.filters}
          lookups={lookups.data}
          onChange={(filters) => update({ filters, page: 1 })}
        />
      </Card>
      <Card>
        <Flex vertical gap={12}>
          <ListToolbar
            search={search}
            filters={apiFilters}
            canExport={permissions.has('cases.export')}
            onRefresh={refresh}
          />
          <SearchAllStatesNotice
            q={query.filters.q}
            onClear={() => update({ filters: { ...query.filters, q: undefined }, page: 1 })}
          />
          {list.error !== undefined && <LoadFailure error={list.error} onRetry={list.reload} />}
          <CaseList
            result={list.data}
            loading={list.loading}
            now={now}
            paging={{
              page: query.page,
              pageSize: query.pageSize,
              onChange: (page, pageSize) => update({ page: pageSize === query.pageSize ? page : 1, pageSize }),
            }}
          />
        </Flex>
      </Card>
    </Flex>
  );
}

interface QueueTabsProps {
  tabs: readonly QueueTab[];
  active: QueueTab;
  counts: QueueCounts | undefined;
  onChange: (tab: QueueTab) => void;
}

/** One tab per queue of the user's posts, each with its count (overdue in red). */
function QueueTabs({ tabs, active, counts, onChange }: QueueTabsProps) {
  const t = useT();
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => onChange(key as QueueTab)}
      items={tabs.map((key) => ({
        key,
        label: (
          <span data-testid={`case-queue-${key}`}>
            {t(`cases.queue.${key}`)}
            {counts?.[key] !== undefined && (
              <Badge
                count={counts[key]}
                showZero
                overflowCount={9999}
                color={key === 'overdue' ? 'red' : '#8c98a9'}
                className="wm-queue-count"
              />
            )}
          </span>
        ),
      }))}
      data-testid="case-queues"
    />
  );
}

interface ToolbarProps {
  search: string;
  filters: CaseFilters;
  canExport: boolean;
  onRefresh: () => void;
}

/** The same filter on the map, the export of exactly this filter, and a fresh read. */
function ListToolbar({ search, filters, canExport, onRefresh }: ToolbarProps) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Space wrap>
      <ReportButton />
      <Button
        icon={<EnvironmentOutlined />}
        onClick={() => navigate({ pathname: `${modulePath('cases')}/map`, search })}
        data-testid="case-open-map"
      >
        {t('cases.openMap')}
      </Button>
      {canExport && <ExportCasesButton filters={filters} />}
      <OpenEvaluationButton />
      <OpenSettingsButton />
      <Button icon={<ReloadOutlined />} onClick={onRefresh} aria-label={t('cases.refresh')}>
        {t('cases.refresh')}
      </Button>
    </Space>
  );
}
