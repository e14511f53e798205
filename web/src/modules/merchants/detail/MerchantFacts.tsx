import { Descriptions, type DescriptionsProps, Grid, Space } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime, noValue } from '../../../app/format.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../../app/i18n/translate.ts';
import { RevealField } from '../../../app/pii/RevealField.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { MerchantFlags, RiskGradeTag } from '../merchantDisplay.tsx';
import { type Merchant, merchantsApi, operatorRevealPermission } from '../merchantsApi.ts';
import { merchantPath } from '../registry/MerchantList.tsx';

type Facts = NonNullable<DescriptionsProps['items']>;

/** Every field of the record; the operator masked, with a reveal for those allowed. */
export function MerchantFacts({ merchant }: { merchant: Merchant }) {
  const t = useT();
  // On a phone each label sits above its value: side by side, both would wrap into narrow columns.
  const isPhone = Grid.useBreakpoint().sm === false;
  return (
    <Descriptions
      items={[...registrationFacts(merchant, t), ...placeFacts(merchant, t), ...operatorFacts(merchant, t)]}
      column={{ xs: 1, sm: 2, lg: 2, xxl: 3 }}
      size="small"
      bordered
      layout={isPhone ? 'vertical' : 'horizontal'}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="merchant-facts"
    />
  );
}

const orNone = (value: string | null) => value ?? noValue;

function registrationFacts(m: Merchant, t: Translate): Facts {
  const flags = m.supervised || m.schoolSurroundings || m.marketStall;
  return [
    { key: 'merchantNo', label: t('merchants.field.merchantNo'), children: m.merchantNo },
    { key: 'name', label: t('merchants.field.name'), children: m.name },
    { key: 'creditCode', label: t('merchants.field.creditCode'), children: orNone(m.creditCode) },
    { key: 'licenceNo', label: t('merchants.field.licenceNo'), children: orNone(m.licenceNo) },
    { key: 'kind', label: t('merchants.field.kind'), children: t(`merchants.kind.${m.kind}`) },
    { key: 'riskGrade', label: t('merchants.field.riskGrade'), children: <RiskGradeTag grade={m.riskGrade} /> },
    {
      key: 'flags',
      label: t('merchants.field.flags'),
      children: flags ? <MerchantFlags merchant={m} /> : t('merchants.flag.none'),
    },
    {
      key: 'market',
      label: t('merchants.field.market'),
      children: m.marketId ? <MarketName id={m.marketId} /> : noValue,
    },
  ];
}

function placeFacts(m: Merchant, t: Translate): Facts {
  const place = m.regionCode === m.townshipCode ? m.townshipName : `${m.townshipName} · ${m.regionName}`;
  return [
    { key: 'address', label: t('merchants.field.address'), children: m.address },
    { key: 'region', label: t('merchants.field.region'), children: place },
    { key: 'gridCode', label: t('merchants.field.gridCode'), children: orNone(m.gridCode) },
    {
      key: 'point',
      label: t('merchants.field.point'),
      children: m.lng === null || m.lat === null ? noValue : `${m.lng.toFixed(6)}, ${m.lat.toFixed(6)}`,
    },
    {
      key: 'frontage',
      label: t('merchants.field.frontageM'),
      children: m.frontageM === null ? noValue : t('merchants.field.metres', { value: m.frontageM }),
    },
  ];
}

function operatorFacts(m: Merchant, t: Translate): Facts {
  return [
    {
      key: 'operatorName',
      label: t('merchants.field.operatorName'),
      children: (
        <RevealField
          objectType="merchant"
          objectId={m.id}
          field="operatorName"
          permission={operatorRevealPermission}
          masked={m.operatorName}
          revealLabel={t('merchants.operator.revealName')}
        />
      ),
    },
    {
      key: 'operatorPhone',
      label: t('merchants.field.operatorPhone'),
      children: (
        <RevealField
          objectType="merchant"
          objectId={m.id}
          field="operatorPhone"
          permission={operatorRevealPermission}
          masked={m.operatorPhone}
        />
      ),
    },
    {
      key: 'times',
      label: t('merchants.field.times'),
      children: (
        <Space wrap size={[12, 0]}>
          <span>{t('merchants.field.createdAt', { time: formatDateTime(m.createdAt) })}</span>
          <span>{t('merchants.field.updatedAt', { time: formatDateTime(m.updatedAt) })}</span>
        </Space>
      ),
    },
  ];
}

/** The market a stall stands in, by name, linked to its own record. */
function MarketName({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => merchantsApi.detail(id, signal), [id]);
  const market = useLoad(load);
  return (
    <Link to={merchantPath(id)} data-testid="merchant-market-link">
      {market.data?.name ?? id}
    </Link>
  );
}
