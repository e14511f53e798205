import type { MessageCatalogue } from '../../module.ts';

/** Why a permission cannot go on an API key (issue 9 item 2). Declared in the manifest. */
const zh = {
  'apikeys.permission_unknown': '权限不存在：{permission}',
  'apikeys.permission_needs_person': 'API 密钥不能持有该权限，须由登录的人员使用：{permission}',
} as const;

const en: Record<keyof typeof zh, string> = {
  'apikeys.permission_unknown': 'No such permission: {permission}',
  'apikeys.permission_needs_person':
    'An API key may not hold this permission; a signed-in person must use it: {permission}',
};

export const apiKeysMessages = { zh, en } satisfies MessageCatalogue;
