import { AimOutlined } from '@ant-design/icons';
import { Button, Col, Form, type FormInstance, Grid, Input, InputNumber, Row, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { RegionPicker } from '../../../app/regions/RegionPicker.tsx';
import type { MerchantFormValues } from './merchantForm.ts';
import { type MyLocation, useMyLocation } from './useMyLocation.ts';

const half = { xs: 24, md: 12 } as const;

/**
 * 位置: the township or village (from the person's own area down), the grid, the address, then the point and the
 * frontage.
 */
export function PlaceSection({ form, scopeRegion }: { form: FormInstance<MerchantFormValues>; scopeRegion: string }) {
  const t = useT();
  return (
    <Row gutter={[16, 0]}>
      <Col {...half}>
        <Form.Item
          name="regionCode"
          label={t('merchants.field.region')}
          extra={t('merchants.form.regionHint')}
          required
          rules={[
            {
              // The county itself is not a place a shop stands in: the server wants a township or a village.
              validator: (_, code?: string) =>
                code && code.length >= 9
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('merchants.form.regionRequired'))),
            },
          ]}
        >
          <RegionPicker root={scopeRegion} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="gridCode" label={t('merchants.field.gridCode')}>
          <Input maxLength={40} autoComplete="off" data-testid="merchant-field-gridCode" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name="address"
          label={t('merchants.field.address')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('merchants.form.addressRequired') }]}
        >
          <Input maxLength={200} data-testid="merchant-field-address" />
        </Form.Item>
      </Col>
      <PointFields form={form} />
    </Row>
  );
}

/** The point and the frontage. On a phone "use my location" fills the point where the inspector stands. */
function PointFields({ form }: { form: FormInstance<MerchantFormValues> }) {
  const t = useT();
  const onPhone = Grid.useBreakpoint().md === false;
  const { location, locate } = useMyLocation((point) =>
    form.setFields([
      { name: 'lng', value: point.lng, errors: [] },
      { name: 'lat', value: point.lat, errors: [] },
    ]),
  );
  return (
    <>
      {onPhone && (
        <Col xs={24}>
          <LocateLine location={location} onLocate={locate} />
        </Col>
      )}
      <Col xs={12} md={6}>
        <Form.Item name="lng" label={t('merchants.field.lng')}>
          <InputNumber
            min={-180}
            max={180}
            step={0.000001}
            style={{ width: '100%' }}
            data-testid="merchant-field-lng"
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="lat" label={t('merchants.field.lat')}>
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} data-testid="merchant-field-lat" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="frontageM" label={t('merchants.field.frontageM')}>
          <InputNumber
            min={0.1}
            max={1000}
            step={0.1}
            suffix={t('merchants.field.metresUnit')}
            style={{ width: '100%' }}
            data-testid="merchant-field-frontageM"
          />
        </Form.Item>
      </Col>
    </>
  );
}

/** The button and what came of the last try: locating, found (± metres), or refused. */
function LocateLine({ location, onLocate }: { location: MyLocation; onLocate: () => void }) {
  const t = useT();
  const said =
    location.status === 'idle'
      ? undefined
      : location.status === 'found'
        ? t('merchants.form.located', { accuracy: location.accuracyM })
        : t(`merchants.form.locate.${location.status}`);
  return (
    <div className="wm-merchant-locate">
      <Button
        icon={<AimOutlined />}
        size="large"
        loading={location.status === 'locating'}
        onClick={onLocate}
        data-testid="merchant-locate"
      >
        {t('merchants.form.useMyLocation')}
      </Button>
      {said && (
        <Typography.Text
          // antd's success green is 2.3:1 on white (axe color-contrast): a fix is said in the body colour.
          type={location.status === 'found' ? undefined : 'secondary'}
          role="status"
          data-testid="merchant-located"
        >
          {said}
        </Typography.Text>
      )}
    </div>
  );
}
