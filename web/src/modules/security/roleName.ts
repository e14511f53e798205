import type { Language } from '../../app/i18n/language.ts';
import type { RoleDto } from './securityApi.ts';

/** The role's name as the server stores it, in the UI language. */
export function roleName(role: RoleDto, language: Language): string {
  return language === 'zh' ? role.nameZh : role.nameEn;
}
