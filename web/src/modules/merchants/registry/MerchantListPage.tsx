import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { useCan } from '../../../app/auth/permissions.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../app/LoadFailure.tsx';
import { modulePath } from '../../../app/modules.ts';
import { PageHeading } from '../../../app/PageHeading.tsx';
import { type MerchantFilters, registryImportKind } from '../merchantsApi.ts';
import { ExportMerchantsButtons } from './ExportMerchantsButtons.tsx';
import { MerchantFilterForm } from './MerchantFilterForm.tsx';
import { MerchantList } from './MerchantList.tsx';
import { useMerchantList } from './useMerchantList.ts';

/** 商户档案: the merchants of the person's area, filtered and paged, with registration, import and export. */
export function MerchantListPage() {
  const t = useT();
  const { session } = useAuth();
  const scopeRegion = session.status === 'signed-in' ? session.user.scopeRegion : '';
  const { query, update, list } = useMerchantList();

  return (
    <Flex vertical gap={16}>
      <PageHeading title={t('merchants.registry.title')} intro={t('merchants.registry.intro')} />
      <Card>
        <MerchantFilterForm
          filters={query.filters}
          scopeRegion={scopeRegion}
          onChange={(filters) => update({ filters, page: 1 })}
        />
      </Card>
      <Card>
        <Flex vertical gap={12}>
          <ListToolbar filters={query.filters} onRefresh={list.reload} />
          {list.error !== undefined && <LoadFailure error={list.error} onRetry={list.reload} />}
          <MerchantList
            result={list.data}
            loading={list.loading}
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

/** Register and import for those who keep the registry, the exports of exactly this filter, and a fresh read. */
function ListToolbar({ filters, onRefresh }: { filters: MerchantFilters; onRefresh: () => void }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  return (
    <Space wrap>
      {can('merchants.manage') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate(`${modulePath('merchants')}/new`)}
          data-testid="merchant-register-open"
        >
          {t('merchants.register')}
        </Button>
      )}
      {can('merchants.manage') && (
        <Button
          icon={<ImportOutlined />}
          onClick={() => navigate(`/imports/${registryImportKind}`)}
          data-testid="merchant-import-open"
        >
          {t('merchants.import')}
        </Button>
      )}
      <ExportMerchantsButtons filters={filters} />
      <Button icon={<ReloadOutlined />} onClick={onRefresh}>
        {t('merchants.refresh')}
      </Button>
    </Space>
  );
}
