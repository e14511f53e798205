import { Alert, Form } from 'antd';
import { type UserDto, usersApi } from '../../app/admin/users.ts';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { RoleChoice } from './RoleChoice.tsx';
import type { RoleDto } from './securityApi.ts';

interface RolesValues {
  roles: string[];
}

/** Grants exactly the chosen roles (PUT replaces the set); the server refuses 三员 conflicts and self-grants. */
export function AssignRolesDialog({
  user,
  roles,
  onCancel,
  onSaved,
}: {
  user: UserDto | undefined;
  roles: RoleDto[];
  onCancel: () => void;
  onSaved: (user: UserDto) => void;
}) {
  const t = useT();
  return (
    <FormDialog<RolesValues>
      open={user !== undefined}
      title={user ? t('roles.assignTitle', { name: user.displayName }) : ''}
      okText={t('app.save')}
      onCancel={onCancel}
      initialValues={{ roles: user?.roles ?? [] }}
      onSubmit={async ({ roles: chosen }) => {
        if (user) onSaved(await usersApi.setRoles(user.id, chosen ?? []));
      }}
      notice={<Alert type="info" showIcon title={t('roles.adminExplained')} description={t('roles.adminExplainedMore')} />}
      testId="assign-roles"
    >
      <Form.Item name="roles" label={t('users.roles')}>
        <RoleChoice roles={roles} />
      </Form.Item>
    </FormDialog>
  );
}
