import { Col, Form, Row, Select, Switch } from 'antd';
import { useCallback } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { foodKinds, merchantsApi, riskGrades } from '../merchantsApi.ts';
import type { MerchantFormValues } from './merchantForm.ts';

const third = { xs: 24, sm: 8 } as const;
const half = { xs: 24, md: 12 } as const;

/**
 * 监管: the three flags, the market a stall stands in (only for a stall), and the risk grade (only for the food
 * businesses market supervision grades).
 */
export function SupervisionSection() {
  const t = useT();
  const kind = Form.useWatch<MerchantFormValues['kind']>('kind');
  const stall = Form.useWatch<MerchantFormValues['marketStall']>('marketStall');
  const flag = (name: 'supervised' | 'schoolSurroundings' | 'marketStall') => (
    <Col {...third}>
      <Form.Item
        name={name}
        label={t(`merchants.flag.${name}`)}
        valuePropName="checked"
        extra={t(`merchants.form.${name}Hint`)}
      >
        <Switch data-testid={`merchant-field-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Row gutter={[16, 0]}>
      {flag('supervised')}
      {flag('schoolSurroundings')}
      {flag('marketStall')}
      {stall === true && (
        <Col {...half}>
          <Form.Item name="marketId" label={t('merchants.field.market')}>
            <MarketSelect />
          </Form.Item>
        </Col>
      )}
      {kind !== undefined && foodKinds.has(kind) && (
        <Col {...half}>
          <Form.Item name="riskGrade" label={t('merchants.field.riskGrade')} extra={t('merchants.form.riskGradeHint')}>
            <Select
              allowClear
              placeholder={t('merchants.form.notGraded')}
              options={riskGrades.map((grade) => ({ value: grade, label: t('merchants.grade.value', { grade }) }))}
              data-testid="merchant-field-riskGrade"
            />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/** The markets (集贸市场 operators) of the person's area to pick a stall's market from; the server checks it exists. */
function MarketSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
}) {
  const t = useT();
  const load = useCallback(
    (signal: AbortSignal) => merchantsApi.list({ kind: 'market_operator' }, 1, 200, signal).then((page) => page.items),
    [],
  );
  const markets = useLoad(load);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={markets.loading}
      placeholder={markets.error === undefined ? t('merchants.form.choose') : t('merchants.form.marketsFailed')}
      status={markets.error === undefined ? undefined : 'warning'}
      notFoundContent={t('merchants.form.noMarkets')}
      options={(markets.data ?? []).map((market) => ({
        value: market.id,
        label: `${market.name} · ${market.townshipName}`,
      }))}
      data-testid="merchant-field-marketId"
    />
  );
}
