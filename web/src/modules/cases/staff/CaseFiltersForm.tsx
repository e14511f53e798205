import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Form, Grid, Row, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { CaseChannel, CaseStatus } from '../casesApi.ts';
import { MainFilters, MoreFilters } from './caseFilterFields.tsx';
import { compact, type ListQuery } from './listQuery.ts';
import type { CaseLookups } from './useCaseLookups.ts';

type Filters = ListQuery['filters'];

interface FormValues {
  q?: string;
  categoryCode?: string;
  status?: CaseStatus[];
  regionCode?: string;
  overdue?: 'yes' | 'no';
  range?: [Dayjs | null, Dayjs | null] | null;
  channel?: CaseChannel;
  tag?: string;
}

const dateFormat = 'YYYY-MM-DD';

function toForm(filters: Filters): FormValues {
  return {
    q: filters.q,
    categoryCode: filters.categoryCode,
    status: filters.status,
    regionCode: filters.regionCode,
    overdue: filters.overdue === undefined ? undefined : filters.overdue ? 'yes' : 'no',
    range:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : null,
    channel: filters.channel,
    tag: filters.tag,
  };
}

/** The form's values as list filters; the dates are calendar days in China time, as the server reads them. */
export function filtersOf(values: FormValues): Filters {
  const [from, to] = values.range ?? [];
  return compact({
    q: values.q?.trim() || undefined,
    categoryCode: values.categoryCode,
    status: values.status,
    regionCode: values.regionCode,
    overdue: values.overdue === undefined ? undefined : values.overdue === 'yes',
    from: from?.format(dateFormat),
    to: to?.format(dateFormat),
    channel: values.channel,
    tag: values.tag,
  });
}

/**
 * Filters for the list and the map. On a phone only the search box and the most used filters show until
 * the user opens the rest, so the list stays on the first screen.
 */
export function CaseFiltersForm({
  filters,
  lookups,
  onChange,
}: {
  filters: Filters;
  lookups: CaseLookups | undefined;
  onChange: (filters: Filters) => void;
}) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.sm === false;
  const [form] = Form.useForm<FormValues>();
  const [expanded, setExpanded] = useState(false);

  // The URL is the source of truth: going back or opening a shared link refills the form.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(filters));
  }, [form, filters]);

  // Hidden, not unmounted: a filter set from the URL still counts when the form is sent again.
  const extra = !isPhone || expanded ? undefined : { display: 'none' };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={(values) => onChange(filtersOf(values))}
      data-testid="case-filters"
      className="wm-case-filters"
    >
      <Row gutter={[12, 0]}>
        <MainFilters lookups={lookups} />
        <MoreFilters lookups={lookups} isPhone={isPhone} extra={extra} />
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="case-filter-submit">
          {t('cases.filter.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('cases.filter.reset')}
        </Button>
        {isPhone && (
          <Button
            type="link"
            icon={expanded ? <UpOutlined /> : <DownOutlined />}
            onClick={() => setExpanded((open) => !open)}
          >
            {expanded ? t('cases.filter.fewer') : t('cases.filter.more')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
