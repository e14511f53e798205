import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useCan } from '../../../app/auth/permissions.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../app/LoadFailure.tsx';
import { modulePath } from '../../../app/modules.ts';
import { useLoad } from '../../../app/useLoad.ts';
import { MerchantStatusTag, RiskGradeTag } from '../merchantDisplay.tsx';
import { type Merchant, merchantsApi } from '../merchantsApi.ts';
import { merchantPath } from '../registry/MerchantList.tsx';
import { MerchantFacts } from './MerchantFacts.tsx';

/** The list's URL the person came from (same filter and page), carried through the merchant's pages. */
export function useFromList(): string {
  const location = useLocation();
  return (location.state as { fromList?: string } | null)?.fromList ?? '';
}

/** Back to the list the person came from, or to the whole registry. */
function BackToList() {
  const t = useT();
  const from = useFromList();
  return (
    <Link to={`${modulePath('merchants')}${from}`} className="wm-merchant-back" data-testid="merchant-back">
      <ArrowLeftOutlined /> {t('merchants.back')}
    </Link>
  );
}

/** One merchant: name, number and state, every field, and the edit for those who keep the registry. */
export function MerchantPage() {
  const { id = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => merchantsApi.detail(id, signal), [id]);
  const { data: merchant, error, loading, reload } = useLoad(load);
  return (
    <Flex vertical gap={16}>
      <div>
        <BackToList />
      </div>
      {error !== undefined && <LoadFailure error={error} onRetry={reload} />}
      {!merchant && loading && <Skeleton active />}
      {merchant && merchant.id === id && (
        <Card>
          <Flex vertical gap={16}>
            <MerchantHeader merchant={merchant} />
            <MerchantFacts merchant={merchant} />
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

function MerchantHeader({ merchant }: { merchant: Merchant }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const from = useFromList();
  // A deregistered (注销) merchant is history: the server refuses edits to it.
  const editable = can('merchants.manage') && merchant.status !== 'closed';
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} data-testid="merchant-header">
      <Flex vertical gap={4}>
        <Space wrap size={[8, 4]}>
          <Typography.Title level={1} className="wm-page-title wm-merchant-name">
            {merchant.name}
          </Typography.Title>
          <MerchantStatusTag status={merchant.status} />
          {merchant.riskGrade && <RiskGradeTag grade={merchant.riskGrade} />}
        </Space>
        <Typography.Text type="secondary">
          {merchant.merchantNo} · {t(`merchants.kind.${merchant.kind}`)} · {merchant.townshipName}
        </Typography.Text>
      </Flex>
      {editable && (
        <Button
          icon={<EditOutlined />}
          onClick={() => navigate(`${merchantPath(merchant.id)}/edit`, { state: { fromList: from } })}
          data-testid="merchant-edit-open"
        >
          {t('merchants.edit')}
        </Button>
      )}
    </Flex>
  );
}
