import { Card, Descriptions, type DescriptionsProps } from 'antd';
import { useAuth } from '../auth/AuthProvider.tsx';
import { formatDate, noValue } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useRegionName } from '../regions/useRegionName.ts';
import { RoleTags } from '../roles.tsx';

export function ProfileCard() {
  const t = useT();
  const { session } = useAuth();
  const user = session.status === 'signed-in' ? session.user : undefined;
  const scopeName = useRegionName(user?.scopeRegion || undefined);
  if (!user) return null;

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('account.displayName'), children: user.displayName },
    { key: 'username', label: t('account.username'), children: user.username },
    { key: 'roles', label: t('account.roles'), children: <RoleTags roles={user.roles} /> },
    { key: 'scope', label: t('account.scope'), children: scopeName ?? noValue },
    { key: 'department', label: t('account.department'), children: user.department ?? noValue },
    {
      key: 'passwordExpires',
      label: t('account.passwordExpires'),
      children: user.passwordExpiresAt ? formatDate(user.passwordExpiresAt) : t('account.never'),
    },
  ];
  return (
    <Card title={t('account.profile')} data-testid="profile-card">
      <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} items={items} />
    </Card>
  );
}
