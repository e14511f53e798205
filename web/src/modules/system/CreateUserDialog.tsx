import { Alert, Form, Input } from 'antd';
import { useAuth } from '../../app/auth/AuthProvider.tsx';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { type UserDto, usersApi } from '../../app/admin/users.ts';
import { expiryToIso, UserFormFields, type UserFormValues } from './UserFormFields.tsx';

const loginIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A new staff account; the server answers with a temporary password, which the caller shows once. */
export function CreateUserDialog({
  open,
  onCancel,
  onCreated,
}: {
  open: boolean;
  onCancel: () => void;
  onCreated: (user: UserDto, temporaryPassword: string) => void;
}) {
  const t = useT();
  const { session } = useAuth();
  // Most accounts share the administrator's scope; narrowing it to a township or village is one pick away.
  const ownScope = session.status === 'signed-in' ? session.user.scopeRegion : undefined;
  const submit = async (values: UserFormValues) => {
    const { user, temporaryPassword } = await usersApi.create({
      loginId: values.loginId.trim(),
      displayName: values.displayName.trim(),
      scopeRegion: values.scopeRegion,
      ...(values.department?.trim() ? { department: values.department.trim() } : {}),
      ...(values.phone ? { phone: values.phone } : {}),
      ...(values.expiresAt ? { expiresAt: expiryToIso(values.expiresAt) } : {}),
    });
    onCreated(user, temporaryPassword);
  };
  return (
    <FormDialog<UserFormValues>
      open={open}
      title={t('users.create')}
      okText={t('users.createSubmit')}
      onCancel={onCancel}
      onSubmit={submit}
      initialValues={{ scopeRegion: ownScope }}
      notice={<Alert type="info" showIcon title={t('users.createNotice')} />}
      testId="create-user"
    >
      <Form.Item
        label={t('users.loginId')}
        name="loginId"
        extra={t('users.loginIdHint')}
        rules={[
          { required: true, whitespace: true, message: t('users.loginIdRequired') },
          { pattern: loginIdPattern, min: 3, max: 40, message: t('users.loginIdInvalid') },
        ]}
      >
        <Input autoFocus autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={40} />
      </Form.Item>
      <UserFormFields />
    </FormDialog>
  );
}
