import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../i18n/I18nProvider.tsx';
import { moduleOf } from '../installedModules.ts';
import { useVisibleModules } from '../auth/permissions.ts';
import { isAdminModule, isPlannedModule, type ModuleKey, moduleKeyOfPath, modulePath } from '../modules.ts';

type MenuItem = Required<MenuProps>['items'][number];

/**
 * The menu of the modules this user may open: the built ones, then those planned for their post (规划中, a page
 * that calls no API), then the administrators' areas. `onNavigate` lets the phone drawer close once one is chosen.
 */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = moduleKeyOfPath(pathname);
  const visible = useVisibleModules();
  const business = visible.filter((key) => !isAdminModule(key) && !isPlannedModule(key));
  const planned = visible.filter(isPlannedModule);
  const admin = visible.filter(isAdminModule);

  const moduleItem = (key: ModuleKey): MenuItem => {
    const { icon: Icon, label } = moduleOf(key)!;
    return { key, icon: <Icon />, label: t(label) };
  };
  const items: MenuItem[] = [
    ...business.map(moduleItem),
    ...(planned.length > 0
      ? [{ type: 'group', key: 'planned', label: t('nav.planned'), children: planned.map(moduleItem) } as const]
      : []),
    ...(business.length + planned.length > 0 && admin.length > 0 ? [{ type: 'divider' } as const] : []),
    ...(admin.length > 0
      ? [{ type: 'group', key: 'admin', label: t('nav.admin'), children: admin.map(moduleItem) } as const]
      : []),
  ];

  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        data-testid="nav"
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => {
          navigate(modulePath(key as ModuleKey));
          onNavigate?.();
        }}
      />
    </nav>
  );
}
