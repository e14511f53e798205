import { Alert, App, Form } from 'antd';
import { type RoleGrantWarning, type UserDto, usersApi } from '../../app/admin/users.ts';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { RoleChoice } from './RoleChoice.tsx';
import type { RoleDto } from './securityApi.ts';

interface RolesValues {
  roles: string[];
}

/**
 * Grants exactly the chosen roles (PUT replaces the set); the server refuses 三员 conflicts and self-grants.
 * A grant that puts both sides of a maker ≠ checker step on one account goes through with the server's
 * warning, shown until the administrator acknowledges it.
 */
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
  const { modal } = App.useApp();
  const warn = (warnings: RoleGrantWarning[]) =>
    modal.warning({
      title: t('roles.makerCheckerTitle'),
      content: (
        <div data-testid="role-grant-warnings">
          {warnings.map((w) => (
            <p key={w.step}>{w.message}</p>
          ))}
        </div>
      ),
    });
  return (
    <FormDialog<RolesValues>
      open={user !== undefined}
      title={user ? t('roles.assignTitle', { name: user.displayName }) : ''}
      okText={t('app.save')}
      onCancel={onCancel}
      initialValues={{ roles: user?.roles ?? [] }}
      onSubmit={async ({ roles: chosen }) => {
        if (!user) return;
        const { warnings, ...saved } = await usersApi.setRoles(user.id, chosen ?? []);
        onSaved(saved);
        // An older server answers without warnings.
        if (warnings?.length) warn(warnings);
      }}
      notice={
        <Alert type="info" showIcon title={t('roles.adminExplained')} description={t('roles.adminExplainedMore')} />
      }
      testId="assign-roles"
    >
      <Form.Item name="roles" label={t('users.roles')}>
        <RoleChoice roles={roles} />
      </Form.Item>
    </FormDialog>
  );
}
