import { Alert, App, Button, Col, Divider, Form, InputNumber, Row } from 'antd';
import { useCallback, useState } from 'react';
import { applyFieldErrors } from '../../app/api.ts';
import { errorText } from '../../app/errorText.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import type { MessageKey } from '../../app/i18n/zh.ts';
import { LoadFailure } from '../../app/LoadFailure.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { type PasswordPolicy, type SecurityPolicy, securityApi } from './securityApi.ts';
import './security.css';

interface NumberField {
  name: (string | number)[];
  label: MessageKey;
  hint: MessageKey;
  min: number;
  max: number;
}

const passwordFields: Array<NumberField & { name: ['policy', keyof PasswordPolicy] }> = [
  { name: ['policy', 'minLength'], label: 'policy.minLength', hint: 'policy.minLengthHint', min: 8, max: 64 },
  { name: ['policy', 'maxLength'], label: 'policy.maxLength', hint: 'policy.maxLengthHint', min: 64, max: 256 },
  { name: ['policy', 'minClasses'], label: 'policy.minClasses', hint: 'policy.minClassesHint', min: 3, max: 4 },
  { name: ['policy', 'maxAgeDays'], label: 'policy.maxAgeDays', hint: 'policy.maxAgeDaysHint', min: 1, max: 90 },
  { name: ['policy', 'historyCount'], label: 'policy.historyCount', hint: 'policy.historyCountHint', min: 5, max: 24 },
];

const signInFields: NumberField[] = [
  {
    name: ['policy', 'lockoutThreshold'],
    label: 'policy.lockoutThreshold',
    hint: 'policy.lockoutThresholdHint',
    min: 3,
    max: 10,
  },
  {
    name: ['policy', 'lockoutMinutes'],
    label: 'policy.lockoutMinutes',
    hint: 'policy.lockoutMinutesHint',
    min: 10,
    max: 1440,
  },
  { name: ['absoluteHours'], label: 'policy.absoluteHours', hint: 'policy.absoluteHoursHint', min: 1, max: 12 },
  { name: ['ipFailureLimit'], label: 'policy.ipFailureLimit', hint: 'policy.ipFailureLimitHint', min: 5, max: 100 },
  { name: ['ipWindowMinutes'], label: 'policy.ipWindowMinutes', hint: 'policy.ipWindowMinutesHint', min: 5, max: 1440 },
];

/**
 * The password and sign-in rules. The bounds are the server's 等保 floors and ceilings
 * (auth/admin/policy-floors.ts), repeated here so a value out of range is caught before saving; the server
 * refuses it anyway, with the field named.
 */
export function SecurityPolicyTab() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SecurityPolicy>();
  const loaded = useLoad(useCallback((signal: AbortSignal) => securityApi.policy(signal), []));
  const [saving, setSaving] = useState(false);

  const save = async (values: SecurityPolicy) => {
    setSaving(true);
    try {
      const saved = await securityApi.savePolicy(values);
      loaded.setData(saved ?? values);
      message.success(t('policy.saved'));
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorText(error, t));
    } finally {
      setSaving(false);
    }
  };

  if (loaded.error !== undefined) return <LoadFailure error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return null;

  const field = ({ name, label, hint, min, max }: NumberField) => (
    <Col key={name.join('.')} xs={24} md={12}>
      <Form.Item
        name={name}
        label={t(label)}
        extra={t(hint)}
        rules={[{ required: true, type: 'integer', min, max, message: t('policy.range', { min, max }) }]}
      >
        <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Form<SecurityPolicy>
      form={form}
      layout="vertical"
      initialValues={loaded.data}
      onFinish={save}
      className="wm-policy-form"
      data-testid="policy-form"
    >
      <Alert type="info" showIcon title={t('policy.notice')} className="wm-dialog-notice" />
      <Divider titlePlacement="start">{t('policy.passwordSection')}</Divider>
      <Row gutter={16}>{passwordFields.map(field)}</Row>
      <Divider titlePlacement="start">{t('policy.signInSection')}</Divider>
      <Row gutter={16}>{signInFields.map(field)}</Row>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('app.save')}
      </Button>
    </Form>
  );
}
