import { UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Space, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../../app/auth/AuthProvider.tsx';
import { sessionPermissions } from '../../../../app/auth/permissions.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../../app/LoadFailure.tsx';
import { modulePath } from '../../../../app/modules.ts';
import { PageHeading } from '../../../../app/PageHeading.tsx';
import { isPlaced } from '../../casesApi.ts';
import { CaseFiltersForm } from '../CaseFiltersForm.tsx';
import { useListQuery } from '../useListQuery.ts';
import { queueTabsFor } from '../queues.ts';
import { countyBounds, useCaseLookups } from '../useCaseLookups.ts';
import { MapLegend } from './MapLegend.tsx';
import { tileConfig } from './mapConfig.ts';
import { OutlineMap } from './OutlineMap.tsx';
import { TileMap } from './TileMap.tsx';
import { useMapCases } from './useMapCases.ts';

const tiles = tileConfig();

/** 案件地图: the list's queue and filter as points; a point opens its case. */
export function CaseMapPage() {
  const t = useT();
  const navigate = useNavigate();
  const { session } = useAuth();
  const tabs = queueTabsFor(sessionPermissions(session));
  const { query, tab, apiFilters, update, search } = useListQuery(tabs);
  const lookups = useCaseLookups();
  const cases = useMapCases(apiFilters);
  const bounds = lookups.data?.places.bounds ?? countyBounds;
  const openCase = useCallback(
    (caseNo: string) => navigate(`${modulePath('cases')}/${caseNo}`, { state: { fromList: `?${search}` } }),
    [navigate, search],
  );
  const items = useMemo(() => (cases.data?.items ?? []).filter(isPlaced), [cases.data]);

  return (
    <Flex vertical gap={16}>
      <PageHeading
        title={t('cases.map.title')}
        intro={tab ? t('cases.map.intro', { queue: t(`cases.queue.${tab}`) }) : undefined}
      />
      <Card>
        <CaseFiltersForm
          filters={query.filters}
          lookups={lookups.data}
          onChange={(filters) => update({ filters, page: 1 })}
        />
      </Card>
      <Card>
        <Flex vertical gap={12}>
          <Space wrap>
            <Button
              icon={<UnorderedListOutlined />}
              onClick={() => navigate({ pathname: modulePath('cases'), search })}
              data-testid="case-open-list"
            >
              {t('cases.openList')}
            </Button>
            {cases.data && (
              <Typography.Text type="secondary" data-testid="map-count">
                {cases.data.total > items.length
                  ? t('cases.map.truncated', { shown: items.length, total: cases.data.total })
                  : t('cases.map.count', { count: items.length })}
              </Typography.Text>
            )}
          </Space>
          {cases.error !== undefined && <LoadFailure error={cases.error} onRetry={cases.reload} />}
          {cases.loading && !cases.data ? (
            <Skeleton active />
          ) : tiles ? (
            <TileMap cases={items} bounds={bounds} onOpen={openCase} tiles={tiles} />
          ) : (
            <OutlineMap cases={items} bounds={bounds} onOpen={openCase} />
          )}
          <MapLegend cases={items} withTiles={tiles !== undefined} />
        </Flex>
      </Card>
    </Flex>
  );
}
