import { Tag, Tooltip } from 'antd';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import './security.css';

/** Permissions in words, as the server names them in the reader's language (the manifests' labels). */
export type PermissionNames = Readonly<Record<string, string>>;

/** A permission in words; a code the server did not name shows as stored. */
export const permissionName = (code: string, names: PermissionNames) => names[code] ?? code;

/** Permissions in words, with the code on hover (auditors and the API documentation use codes). */
export function PermissionTags({ permissions, names }: { permissions: readonly string[]; names: PermissionNames }) {
  const t = useT();
  if (permissions.length === 0) return <Tag>{t('roles.noPermissions')}</Tag>;
  return (
    <span className="wm-permission-tags">
      {permissions.map((code) => (
        <Tooltip key={code} title={code}>
          <Tag>{permissionName(code, names)}</Tag>
        </Tooltip>
      ))}
    </span>
  );
}
