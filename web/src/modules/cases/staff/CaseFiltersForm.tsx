import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Grid, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useLanguage, useT } from '../../../app/i18n/I18nProvider.tsx';
import { type CaseChannel, type CaseStatus, caseChannels, caseStatuses } from '../casesApi.ts';
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
  const { language } = useLanguage();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.sm === false;
  const [form] = Form.useForm<FormValues>();
  const [expanded, setExpanded] = useState(false);

  // The URL is the source of truth: going back or opening a shared link refills the form.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(filters));
  }, [form, filters]);

  const name = (zh: string, en: string) => (language === 'en' ? en : zh);
  const categories = lookups?.catalogue.categories ?? [];
  const majors = [...new Map(categories.map((c) => [c.major.code, c.major])).values()];
  const categoryOptions = majors.map((major) => ({
    label: `${major.code} ${name(major.nameZh, major.nameEn)}`,
    title: major.code,
    options: categories
      .filter((c) => c.major.code === major.code)
      .map((c) => ({ value: c.code, label: `${c.code} ${name(c.nameZh, c.nameEn)}` })),
  }));
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
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item name="q" label={t('cases.filter.q')}>
            <Input allowClear placeholder={t('cases.filter.qPlaceholder')} maxLength={40} data-testid="case-filter-q" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item name="status" label={t('cases.filter.status')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('cases.filter.any')}
              options={caseStatuses.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
              data-testid="case-filter-status"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item name="regionCode" label={t('cases.filter.township')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('cases.filter.any')}
              options={(lookups?.places.townships ?? []).map((township) => ({
                value: township.code,
                label: township.name,
              }))}
              data-testid="case-filter-township"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item name="overdue" label={t('cases.filter.overdue')}>
            <Select
              allowClear
              placeholder={t('cases.filter.any')}
              options={[
                { value: 'yes', label: t('cases.filter.overdueYes') },
                { value: 'no', label: t('cases.filter.overdueNo') },
              ]}
              data-testid="case-filter-overdue"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={6} style={extra}>
          <Form.Item name="categoryCode" label={t('cases.filter.category')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('cases.filter.any')}
              options={categoryOptions}
              data-testid="case-filter-category"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={6} style={extra}>
          <Form.Item name="range" label={t('cases.filter.dateRange')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              style={{ width: '100%' }}
              inputReadOnly={isPhone}
              data-testid="case-filter-range"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={6} style={extra}>
          <Form.Item name="channel" label={t('cases.filter.channel')}>
            <Select
              allowClear
              placeholder={t('cases.filter.any')}
              options={caseChannels.map((c) => ({ value: c, label: t(`cases.channel.${c}`) }))}
              data-testid="case-filter-channel"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={6} style={extra}>
          <Form.Item name="tag" label={t('cases.filter.tag')}>
            <Select
              allowClear
              placeholder={t('cases.filter.any')}
              options={(lookups?.catalogue.tags ?? []).map((tag) => ({
                value: tag.key,
                label: name(tag.nameZh, tag.nameEn),
              }))}
              data-testid="case-filter-tag"
            />
          </Form.Item>
        </Col>
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
