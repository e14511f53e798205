import { Tag, Tooltip } from 'antd';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { permissionLabel } from '../../app/roles.tsx';
import './security.css';

/**
 * Permissions in words, with the code on hover (auditors and the API documentation use codes): the server's
 * names when it sent them (the roles list, in the reader's language), else the shell's dictionary.
 */
export function PermissionTags({
  permissions,
  names,
}: {
  permissions: readonly string[];
  names?: Readonly<Record<string, string>>;
}) {
  const t = useT();
  if (permissions.length === 0) return <Tag>{t('roles.noPermissions')}</Tag>;
  return (
    <span className="wm-permission-tags">
      {permissions.map((code) => (
        <Tooltip key={code} title={code}>
          <Tag>{names?.[code] ?? permissionLabel(code, t)}</Tag>
        </Tooltip>
      ))}
    </span>
  );
}
