import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, type FormInstance, Input, Row } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../app/auth/permissions.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { revealPersonalData } from '../../../app/pii/pii.ts';
import { RevealReasonDialog } from '../../../app/pii/RevealReasonDialog.tsx';
import { type Merchant, operatorRevealPermission } from '../merchantsApi.ts';
import type { MerchantFormValues } from './merchantForm.ts';

const half = { xs: 24, md: 12 } as const;

/**
 * 经营者: name (required) and phone. An edit starts with both empty, because the server sends them masked and the
 * edit sends the whole record back: the editor reveals the stored values into the fields (with a reason, audited)
 * or types them anew. A stored phone left neither revealed nor typed would be erased, so the form refuses that.
 */
export function OperatorSection({ form, editing }: { form: FormInstance<MerchantFormValues>; editing?: Merchant }) {
  const t = useT();
  const [revealed, setRevealed] = useState(false);
  const storedPhone = editing?.operatorPhone ?? null;
  const phoneKept = {
    validator: (_: unknown, phone?: string) =>
      storedPhone === null || revealed || phone?.trim()
        ? Promise.resolve()
        : Promise.reject(new Error(t('merchants.form.phoneNotLoaded', { masked: storedPhone }))),
  };
  return (
    <Row gutter={[16, 0]}>
      {editing && !revealed && (
        <Col xs={24}>
          <OperatorNotice merchant={editing} form={form} onRevealed={() => setRevealed(true)} />
        </Col>
      )}
      <Col {...half}>
        <Form.Item
          name="operatorName"
          label={t('merchants.field.operatorName')}
          rules={[{ required: true, whitespace: true, message: t('merchants.form.operatorRequired') }]}
        >
          <Input
            maxLength={50}
            autoComplete="off"
            placeholder={editing?.operatorName}
            data-testid="merchant-field-operatorName"
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="operatorPhone" label={t('merchants.field.operatorPhone')} rules={editing ? [phoneKept] : []}>
          <Input
            maxLength={30}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder={storedPhone ?? undefined}
            data-testid="merchant-field-operatorPhone"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Says why the operator's fields are empty, with the reveal that fills them (for those allowed to reveal). */
function OperatorNotice({
  merchant,
  form,
  onRevealed,
}: {
  merchant: Merchant;
  form: FormInstance<MerchantFormValues>;
  onRevealed: () => void;
}) {
  const t = useT();
  const can = useCan();
  const [asking, setAsking] = useState(false);
  const allowed = can('pii.reveal') && can(operatorRevealPermission);
  const reveal = async (reason: string) => {
    const fields = merchant.operatorPhone === null ? ['operatorName'] : ['operatorName', 'operatorPhone'];
    const { values } = await revealPersonalData({ objectType: 'merchant', objectId: merchant.id, fields, reason });
    setAsking(false);
    form.setFields([
      { name: 'operatorName', value: values.operatorName ?? '', errors: [] },
      { name: 'operatorPhone', value: values.operatorPhone ?? '', errors: [] },
    ]);
    onRevealed();
  };
  return (
    <>
      <Alert
        type="info"
        showIcon
        className="wm-merchant-operator-notice"
        title={t(allowed ? 'merchants.form.operatorMasked' : 'merchants.form.operatorRetype')}
        action={
          allowed && (
            <Button icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="merchant-operator-reveal">
              {t('merchants.form.operatorReveal')}
            </Button>
          )
        }
        data-testid="merchant-operator-notice"
      />
      {allowed && <RevealReasonDialog open={asking} onCancel={() => setAsking(false)} onReveal={reveal} />}
    </>
  );
}
