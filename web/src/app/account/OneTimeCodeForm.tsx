import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../api.ts';
import { errorText } from '../errorText.ts';
import { useT } from '../i18n/I18nProvider.tsx';

interface CodeValues {
  code: string;
}

const sixDigits = /^\d{6}$/;

/**
 * One field for the authenticator's 6-digit code: large digits, the numeric keyboard on phones, and the
 * platform's one-time-code autofill. Enter submits. A wrong or replayed code comes back as the server's field
 * message and the field is cleared for the next code.
 */
export function OneTimeCodeForm({
  submitLabel,
  onSubmit,
}: {
  submitLabel: string;
  onSubmit: (code: string) => Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<CodeValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async ({ code }: CodeValues) => {
    setSubmitting(true);
    try {
      await onSubmit(code);
    } catch (error) {
      form.setFieldValue('code', '');
      if (!applyFieldErrors(form, error)) form.setFields([{ name: 'code', errors: [errorText(error, t)] }]);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<CodeValues>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={submit}
      data-testid="code-form"
    >
      <Form.Item
        label={t('mfa.code')}
        name="code"
        extra={t('mfa.codeHint')}
        normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
        rules={[{ required: true, pattern: sixDigits, message: t('mfa.codeInvalid') }]}
      >
        <Input
          autoFocus
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="one-time-code"
          maxLength={6}
          className="wm-code-input"
          placeholder="000000"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting}>
        {submitLabel}
      </Button>
    </Form>
  );
}
