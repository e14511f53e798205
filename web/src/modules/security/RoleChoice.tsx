import { Checkbox, Flex, Tag } from 'antd';
import { useLanguage, useT } from '../../app/i18n/I18nProvider.tsx';
import { roleName } from './roleName.ts';
import type { RoleDto } from './securityApi.ts';

/**
 * The roles as checkboxes. 三员 roles are marked; choosing one disables every other role, and choosing a
 * business role disables the 三员 roles, so only combinations the server accepts can be made.
 */
export function RoleChoice({
  roles,
  value = [],
  onChange,
}: {
  roles: RoleDto[];
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  // Business roles first (what is granted day to day), then the three administrators together.
  const ordered = [...roles.filter((role) => !role.adminKind), ...roles.filter((role) => role.adminKind)];
  const chosen = roles.filter((role) => value.includes(role.key));
  const adminChosen = chosen.some((role) => role.adminKind);
  const businessChosen = chosen.some((role) => !role.adminKind);

  const disabled = (role: RoleDto) =>
    !value.includes(role.key) && (adminChosen || (businessChosen && role.adminKind !== null));

  return (
    <Checkbox.Group value={value} onChange={(next) => onChange?.(next as string[])} className="wm-role-choice">
      <Flex vertical gap={8}>
        {ordered.map((role) => (
          <Checkbox key={role.key} value={role.key} disabled={disabled(role)} data-testid={`role-${role.key}`}>
            <span className="wm-role-option">
              {roleName(role, language)}
              {role.adminKind && <Tag color="volcano">{t('roles.adminTag')}</Tag>}
              {role.requiresMfa && <Tag color="blue">{t('roles.mfaTag')}</Tag>}
            </span>
          </Checkbox>
        ))}
      </Flex>
    </Checkbox.Group>
  );
}
