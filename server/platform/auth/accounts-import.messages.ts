import type { MessageCatalogue } from '../i18n/locale.ts';

/** The staff-account import's own row errors (the platform's cell errors are in imports.messages.ts). */
const zh = {
  'users.import.login_invalid': '用户名应为 3–40 位字母、数字或 . _ -，且以字母或数字开头',
  'users.import.region_unknown': '找不到这个乡镇或区域：{region}（可填名称或区划代码）',
  'users.import.region_ambiguous': '有多个地方叫“{region}”，请填写区划代码',
  'users.import.role_unknown': '角色不存在：{role}',
  'users.import.role_admin': '系统管理员、安全管理员、审计管理员账号不能批量导入，请逐个创建',
  'users.import.roles_need_grant':
    '分配角色需要“分配角色”权限（三员分立：由安全管理员授予）；请留空此列，账号建好后再授予',
  'users.import.expiry_past': '到期日应晚于今天',
} as const;

const en: Record<keyof typeof zh, string> = {
  'users.import.login_invalid': 'A user name is 3–40 letters, digits or . _ -, starting with a letter or digit',
  'users.import.region_unknown': 'No township or area "{region}" (write its name or its region code)',
  'users.import.region_ambiguous': 'Several places are called "{region}"; write the region code',
  'users.import.role_unknown': 'No such role: {role}',
  'users.import.role_admin': 'System, security and audit administrators cannot be imported; create them one by one',
  'users.import.roles_need_grant':
    'Granting roles needs the "Assign roles" permission (the security administrator, by separation of duties); leave this column empty and grant the roles later',
  'users.import.expiry_past': 'The expiry date must be after today',
};

export const accountsImportMessages = { zh, en } satisfies MessageCatalogue;
