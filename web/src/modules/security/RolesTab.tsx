import { Table, type TableColumnsType, Tag } from 'antd';
import { useResponsiveColumns } from '../../app/responsiveColumns.ts';
import { useLanguage, useT } from '../../app/i18n/I18nProvider.tsx';
import { PermissionTags } from './PermissionTags.tsx';
import { roleName } from './roleName.ts';
import type { RoleDto } from './securityApi.ts';

/** Every role with what it may do; 三员 and MFA-required roles are marked. */
export function RolesTab({ roles, loading }: { roles: RoleDto[]; loading: boolean }) {
  const t = useT();
  const { language } = useLanguage();
  const columns: TableColumnsType<RoleDto> = [
    {
      key: 'name',
      title: t('roles.name'),
      fixed: 'left',
      render: (_, role) => (
        <div className="wm-user-cell">
          <strong>{roleName(role, language)}</strong>
          <span>{role.key}</span>
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('roles.kind'),
      render: (_, role) => (
        <span>
          {role.adminKind && <Tag color="volcano">{t('roles.adminTag')}</Tag>}
          {role.requiresMfa && <Tag color="blue">{t('roles.mfaTag')}</Tag>}
          {!role.builtin && <Tag>{t('roles.custom')}</Tag>}
        </span>
      ),
    },
    {
      key: 'permissions',
      title: t('roles.permissions'),
      render: (_, role) => <PermissionTags permissions={role.permissions} names={role.permissionNames} />,
    },
  ];
  const shownColumns = useResponsiveColumns(columns);
  return (
    <Table<RoleDto>
      rowKey="key"
      size="middle"
      columns={shownColumns}
      dataSource={roles}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="roles-table"
    />
  );
}
