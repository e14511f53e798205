import { Tag } from 'antd';
import { useT } from './i18n/I18nProvider.tsx';
import type { Translate } from './i18n/translate.ts';
import { isMessageKey } from './i18n/translate.ts';

/** A role's name in the UI language; a role the dictionaries do not know yet shows its key. */
export function roleLabel(key: string, t: Translate): string {
  const messageKey = `role.${key}`;
  return isMessageKey(messageKey) ? t(messageKey) : key;
}

export function RoleTags({ roles }: { roles: readonly string[] }) {
  const t = useT();
  if (roles.length === 0) return <Tag>{t('roles.none')}</Tag>;
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color="blue">
          {roleLabel(role, t)}
        </Tag>
      ))}
    </>
  );
}
