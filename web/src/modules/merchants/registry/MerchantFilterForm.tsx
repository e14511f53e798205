import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Form, Grid, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { MerchantFilters, MerchantKind, MerchantStatus, RiskGrade } from '../merchantsApi.ts';
import { MainFilters, MoreFilters } from './merchantFilterFields.tsx';
import { compact, type FlagName } from './merchantQuery.ts';

type YesNo = 'yes' | 'no';

export interface FilterValues {
  q?: string;
  township?: string;
  kind?: MerchantKind;
  riskGrade?: RiskGrade;
  status?: MerchantStatus;
  supervised?: YesNo;
  schoolSurroundings?: YesNo;
  marketStall?: YesNo;
}

const toYesNo = (value: boolean | undefined): YesNo | undefined =>
  value === undefined ? undefined : value ? 'yes' : 'no';
const fromYesNo = (value: YesNo | undefined): boolean | undefined =>
  value === undefined ? undefined : value === 'yes';
const flags: readonly FlagName[] = ['supervised', 'schoolSurroundings', 'marketStall'];

function toForm(filters: MerchantFilters): FilterValues {
  const values: FilterValues = {
    q: filters.q,
    township: filters.township,
    kind: filters.kind,
    riskGrade: filters.riskGrade,
    status: filters.status,
  };
  for (const name of flags) values[name] = toYesNo(filters[name]);
  return values;
}

/**
 * The form's values as list filters; a flag left at "any" asks for neither, and the county picked as the place is
 * no filter (the list holds only the person's own area anyway).
 */
export function filtersOf(values: FilterValues): MerchantFilters {
  const filters: MerchantFilters = {
    q: values.q?.trim() || undefined,
    township: values.township && values.township.length >= 9 ? values.township : undefined,
    kind: values.kind,
    riskGrade: values.riskGrade,
    status: values.status,
  };
  for (const name of flags) filters[name] = fromYesNo(values[name]);
  return compact(filters);
}

/**
 * The registry's filters. On a phone only the search box, the place and the kind show until the inspector opens
 * the rest, so the first merchants stay on the first screen.
 */
export function MerchantFilterForm({
  filters,
  scopeRegion,
  onChange,
}: {
  filters: MerchantFilters;
  scopeRegion: string;
  onChange: (filters: MerchantFilters) => void;
}) {
  const t = useT();
  const isPhone = Grid.useBreakpoint().sm === false;
  const [form] = Form.useForm<FilterValues>();
  const [expanded, setExpanded] = useState(false);

  // The URL is the source of truth: going back or opening a shared link refills the form.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(filters));
  }, [form, filters]);

  // Hidden, not unmounted: a filter set from the URL still counts when the form is sent again.
  const extra = !isPhone || expanded ? undefined : { display: 'none' };

  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      onFinish={(values) => onChange(filtersOf(values))}
      data-testid="merchant-filters"
      className="wm-merchant-filters"
    >
      <Row gutter={[12, 0]}>
        <MainFilters scopeRegion={scopeRegion} />
        <MoreFilters extra={extra} />
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="merchant-filter-submit">
          {t('merchants.filter.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('merchants.filter.reset')}
        </Button>
        {isPhone && (
          <Button
            type="link"
            icon={expanded ? <UpOutlined /> : <DownOutlined />}
            onClick={() => setExpanded((open) => !open)}
            data-testid="merchant-filter-more"
          >
            {expanded ? t('merchants.filter.fewer') : t('merchants.filter.more')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
