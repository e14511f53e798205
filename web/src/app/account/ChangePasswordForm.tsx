import { Button, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../api.ts';
import { accountApi } from '../auth/account.ts';
import { errorText } from '../errorText.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useEndedSession } from '../login/useEndedSession.ts';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
  signOutOtherSessions: boolean;
}

/**
 * Changing one's own password. The rules (length, character classes, history) belong to the server's policy,
 * so its messages are shown under the fields; only "the two entries match" is checked here.
 */
export function ChangePasswordForm({
  size = 'middle',
  onChanged,
}: {
  size?: 'middle' | 'large';
  onChanged: () => Promise<unknown> | undefined;
}) {
  const t = useT();
  const [form] = Form.useForm<PasswordValues>();
  const [submitting, setSubmitting] = useState(false);
  const endedSession = useEndedSession();

  const submit = async ({ currentPassword, newPassword, signOutOtherSessions }: PasswordValues) => {
    setSubmitting(true);
    try {
      await accountApi.changePassword({ currentPassword, newPassword, signOutOtherSessions });
      form.resetFields();
      await onChanged();
    } catch (error) {
      // Too many wrong current passwords lock the account and end this session (the server says so).
      if (await endedSession(error)) return;
      if (!applyFieldErrors(form, error)) form.setFields([{ name: 'currentPassword', errors: [errorText(error, t)] }]);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<PasswordValues>
      form={form}
      layout="vertical"
      size={size}
      requiredMark={false}
      initialValues={{ signOutOtherSessions: true }}
      onFinish={submit}
      data-testid="password-form"
    >
      <Form.Item
        label={t('password.current')}
        name="currentPassword"
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label={t('password.new')}
        name="newPassword"
        extra={t('password.policyHint')}
        rules={[{ required: true, message: t('password.newRequired') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('password.confirm')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="signOutOtherSessions" valuePropName="checked">
        <Checkbox>{t('password.signOutOthers')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" block={size === 'large'} loading={submitting}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
