import type { systemZh } from './zh.ts';

export const systemEn: Record<keyof typeof systemZh, string> = {
  'module.system.label': 'System administration',
  'module.system.description':
    'Staff accounts: create, edit, disable and reset passwords; run by the system administrator (separation of duties).',
  'system.intro':
    'Staff accounts: create, edit, disable and reset passwords (separation of duties: system administrator).',
};
