import { Col, Form, Input, Row, Select } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { merchantKinds, merchantStatuses } from '../merchantsApi.ts';
import type { MerchantFormValues } from './merchantForm.ts';

const half = { xs: 24, md: 12 } as const;

/** 登记信息: name, the two registration numbers (at least one), kind, and on an edit the state. */
export function IdentitySection({ editing }: { editing: boolean }) {
  const t = useT();
  const required = (message: string) => ({ required: true, whitespace: true, message });
  // The server wants one of the two numbers and says so at the credit code (merchant-input.ts); so does the form.
  const oneNumber = ({ getFieldValue }: { getFieldValue: (name: keyof MerchantFormValues) => unknown }) => ({
    validator: () =>
      String(getFieldValue('creditCode') ?? '').trim() || String(getFieldValue('licenceNo') ?? '').trim()
        ? Promise.resolve()
        : Promise.reject(new Error(t('merchants.form.identityRequired'))),
  });
  return (
    <Row gutter={[16, 0]}>
      <Col xs={24}>
        <Form.Item name="name" label={t('merchants.field.name')} rules={[required(t('merchants.form.nameRequired'))]}>
          <Input maxLength={100} autoComplete="off" data-testid="merchant-field-name" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="creditCode"
          label={t('merchants.field.creditCode')}
          extra={t('merchants.form.identityHint')}
          dependencies={['licenceNo']}
          rules={[oneNumber]}
        >
          <Input maxLength={40} autoComplete="off" spellCheck={false} data-testid="merchant-field-creditCode" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="licenceNo" label={t('merchants.field.licenceNo')}>
          <Input maxLength={40} autoComplete="off" inputMode="numeric" data-testid="merchant-field-licenceNo" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="kind"
          label={t('merchants.field.kind')}
          rules={[{ required: true, message: t('merchants.form.kindRequired') }]}
        >
          <Select
            options={merchantKinds.map((kind) => ({ value: kind, label: t(`merchants.kind.${kind}`) }))}
            placeholder={t('merchants.form.choose')}
            data-testid="merchant-field-kind"
          />
        </Form.Item>
      </Col>
      {editing && (
        <Col {...half}>
          <Form.Item name="status" label={t('merchants.field.status')} extra={t('merchants.form.closedHint')}>
            <Select
              options={merchantStatuses.map((status) => ({ value: status, label: t(`merchants.status.${status}`) }))}
              data-testid="merchant-field-status"
            />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
