import { Tag, Tooltip } from 'antd';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { permissionLabel } from '../../app/roles.tsx';
import './security.css';

/** Permissions by their description, with the code on hover (auditors and the API documentation use codes). */
export function PermissionTags({ permissions }: { permissions: readonly string[] }) {
  const t = useT();
  if (permissions.length === 0) return <Tag>{t('roles.noPermissions')}</Tag>;
  return (
    <span className="wm-permission-tags">
      {permissions.map((code) => (
        <Tooltip key={code} title={code}>
          <Tag>{permissionLabel(code, t)}</Tag>
        </Tooltip>
      ))}
    </span>
  );
}
