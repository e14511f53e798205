import { Col, Form, Input, Select } from 'antd';
import type { CSSProperties } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { RegionPicker } from '../../../app/regions/RegionPicker.tsx';
import { merchantKinds, merchantStatuses, riskGrades } from '../merchantsApi.ts';

const column = { xs: 24, sm: 12, lg: 8, xl: 6 } as const;

/** The filters always shown: words, place (from the person's own area down), kind. */
export function MainFilters({ scopeRegion }: { scopeRegion: string }) {
  const t = useT();
  return (
    <>
      <Col {...column}>
        <Form.Item name="q" label={t('merchants.filter.q')}>
          <Input
            allowClear
            placeholder={t('merchants.filter.qPlaceholder')}
            maxLength={50}
            data-testid="merchant-filter-q"
          />
        </Form.Item>
      </Col>
      <Col {...column}>
        <Form.Item name="township" label={t('merchants.filter.township')}>
          <RegionPicker root={scopeRegion} />
        </Form.Item>
      </Col>
      <Col {...column}>
        <Form.Item name="kind" label={t('merchants.filter.kind')}>
          <Select
            allowClear
            placeholder={t('merchants.filter.any')}
            options={merchantKinds.map((kind) => ({ value: kind, label: t(`merchants.kind.${kind}`) }))}
            data-testid="merchant-filter-kind"
          />
        </Form.Item>
      </Col>
    </>
  );
}

/** The other filters, hidden on a phone until asked for: grade, status and the three flags. */
export function MoreFilters({ extra }: { extra: CSSProperties | undefined }) {
  const t = useT();
  const yesNo = [
    { value: 'yes', label: t('merchants.filter.yes') },
    { value: 'no', label: t('merchants.filter.no') },
  ];
  const flagFilter = (name: 'supervised' | 'schoolSurroundings' | 'marketStall') => (
    <Col {...column} style={extra}>
      <Form.Item name={name} label={t(`merchants.flag.${name}`)}>
        <Select
          allowClear
          placeholder={t('merchants.filter.any')}
          options={yesNo}
          data-testid={`merchant-filter-${name}`}
        />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Col {...column} style={extra}>
        <Form.Item name="riskGrade" label={t('merchants.filter.riskGrade')}>
          <Select
            allowClear
            placeholder={t('merchants.filter.any')}
            options={riskGrades.map((grade) => ({ value: grade, label: t('merchants.grade.value', { grade }) }))}
            data-testid="merchant-filter-riskGrade"
          />
        </Form.Item>
      </Col>
      <Col {...column} style={extra}>
        <Form.Item name="status" label={t('merchants.filter.status')}>
          <Select
            allowClear
            placeholder={t('merchants.filter.any')}
            options={merchantStatuses.map((status) => ({ value: status, label: t(`merchants.status.${status}`) }))}
            data-testid="merchant-filter-status"
          />
        </Form.Item>
      </Col>
      {flagFilter('supervised')}
      {flagFilter('schoolSurroundings')}
      {flagFilter('marketStall')}
    </>
  );
}
