import { ExclamationCircleFilled, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { errorText } from '../errorText.ts';
import { useT } from '../i18n/I18nProvider.tsx';

interface Credentials {
  username: string;
  password: string;
}

/**
 * Built for older users and keyboards: visible labels, large type (theme), the username focused on arrival,
 * Enter submits (a real form with a submit button), a labelled checkbox to show the password (antd's eye icon
 * is not reachable by Tab), and one `role="alert"` region that announces the server's message.
 */
export function LoginForm() {
  const t = useT();
  const { login } = useAuth();
  const [form] = Form.useForm<Credentials>();
  const [failure, setFailure] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [showPassword, setShowPassword] = useState(false);

  const submit = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      // On success the session changes and the login page routes onwards; this form unmounts.
      await login(username.trim(), password);
    } catch (error) {
      applyFieldErrors(form, error);
      setFailure(errorText(error, t));
      setSubmitting(false);
    }
  };

  return (
    <Form<Credentials>
      form={form}
      name="login"
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={submit}
      data-testid="login-form"
    >
      <div role="alert" className="wm-login-failure" data-testid="login-error">
        {failure && (
          <>
            <ExclamationCircleFilled aria-hidden="true" />
            <span>{failure}</span>
          </>
        )}
      </div>
      <Form.Item
        label={t('login.username')}
        name="username"
        rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
      >
        <Input autoFocus autoComplete="username" autoCapitalize="none" spellCheck={false} prefix={<UserOutlined />} />
      </Form.Item>
      <Form.Item
        label={t('login.password')}
        name="password"
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password
          autoComplete="current-password"
          prefix={<LockOutlined />}
          visibilityToggle={{ visible: showPassword, onVisibleChange: setShowPassword }}
        />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={showPassword} onChange={(event) => setShowPassword(event.target.checked)}>
          {t('login.showPassword')}
        </Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting}>
        {submitting ? t('login.submitting') : t('login.submit')}
      </Button>
    </Form>
  );
}
