/** The module's name and what it will do (menu, home page, coming-soon page). */
export const merchantsZh = {
  'module.merchants.label': '商户与门前三包',
  'module.merchants.description': '商户档案与《门前三包责任书》签订、履责考评，星级商户与红黑榜公示。',
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof merchantsZh, string> {}
}
