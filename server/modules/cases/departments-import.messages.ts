import type { MessageCatalogue } from '../../platform/module.ts';

/** The department import's own row errors. Declared in the manifest; en is typed against zh. */
const zh = {
  'cases.import.department_key': '部门编码应为 2–40 位小写字母、数字、- 或 _，以字母或数字开头',
  'cases.import.head_unknown': '找不到在用账号“{login}”',
} as const;

const en: Record<keyof typeof zh, string> = {
  'cases.import.department_key':
    'A department code is 2–40 lower-case letters, digits, - or _, starting with a letter or digit',
  'cases.import.head_unknown': 'No active account "{login}"',
};

export const departmentsImportMessages = { zh, en } satisfies MessageCatalogue;
