import { Col, DatePicker, Form, Input, Select } from 'antd';
import type { CSSProperties } from 'react';
import { useLanguage, useT } from '../../../app/i18n/I18nProvider.tsx';
import { caseChannels, caseStatuses } from '../casesApi.ts';
import type { CaseLookups } from './useCaseLookups.ts';

/** The filters always shown: words, state, township, overdue. */
export function MainFilters({ lookups }: { lookups: CaseLookups | undefined }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

/** The other filters, hidden on a phone until asked for: category, dates, channel, campaign tag. */
export function MoreFilters({
  lookups,
  isPhone,
  extra,
}: {
  lookups: CaseLookups | undefined;
  isPhone: boolean;
  extra: CSSProperties | undefined;
}) {
  const t = useT();
  const { language } = useLanguage();
  const name = (zh: string, en: string) => (language === 'en' ? en : zh);
  return (
    <>
      <Col xs={24} sm={12} lg={8} xl={6} style={extra}>
        <Form.Item name="categoryCode" label={t('cases.filter.category')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('cases.filter.any')}
            options={categoryOptions(lookups, name)}
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
    </>
  );
}

/** The catalogue's categories grouped under their major class, named in the UI language. */
function categoryOptions(lookups: CaseLookups | undefined, name: (zh: string, en: string) => string) {
  const categories = lookups?.catalogue.categories ?? [];
  const majors = [...new Map(categories.map((c) => [c.major.code, c.major])).values()];
  return majors.map((major) => ({
    label: `${major.code} ${name(major.nameZh, major.nameEn)}`,
    title: major.code,
    options: categories
      .filter((c) => c.major.code === major.code)
      .map((c) => ({ value: c.code, label: `${c.code} ${name(c.nameZh, c.nameEn)}` })),
  }));
}
