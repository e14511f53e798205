import { Card, Flex, Tabs, type TabsProps } from 'antd';
import { useCallback } from 'react';
import { useCan } from '../../app/auth/permissions.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../app/LoadFailure.tsx';
import { PageHeading } from '../../app/PageHeading.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { ApiKeysTab } from './ApiKeysTab.tsx';
import { RolesTab } from './RolesTab.tsx';
import { SecurityPolicyTab } from './SecurityPolicyTab.tsx';
import { type RoleDto, securityApi } from './securityApi.ts';
import { UserAccessTab } from './UserAccessTab.tsx';

const noRoles: RoleDto[] = [];

/** 安全管理 (三员: the security administrator): roles, unlocking, API keys and the security policy. */
export default function SecurityAdminPage() {
  const t = useT();
  const can = useCan();
  const canReadRoles = can('roles.read');
  const roles = useLoad(
    useCallback(
      (signal: AbortSignal) => (canReadRoles ? securityApi.roles(signal) : Promise.resolve(noRoles)),
      [canReadRoles],
    ),
  );
  const roleList = roles.data ?? noRoles;

  const tabs: NonNullable<TabsProps['items']> = [];
  if (can('roles.grant', 'users.unlock'))
    tabs.push({ key: 'users', label: t('security.tabUsers'), children: <UserAccessTab roles={roleList} /> });
  if (canReadRoles)
    tabs.push({
      key: 'roles',
      label: t('security.tabRoles'),
      children: <RolesTab roles={roleList} loading={roles.loading} />,
    });
  if (can('apikeys.manage')) tabs.push({ key: 'apiKeys', label: t('security.tabApiKeys'), children: <ApiKeysTab /> });
  if (can('security.policy'))
    tabs.push({ key: 'policy', label: t('security.tabPolicy'), children: <SecurityPolicyTab /> });

  return (
    <Flex vertical gap={16}>
      <PageHeading title={t('module.security.label')} intro={t('security.intro')} />
      {roles.error !== undefined && <LoadFailure error={roles.error} onRetry={roles.reload} />}
      <Card>
        <Tabs items={tabs} destroyOnHidden data-testid="security-tabs" />
      </Card>
    </Flex>
  );
}
