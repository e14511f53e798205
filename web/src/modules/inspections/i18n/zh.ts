/** The module's name and what it will do (menu, home page, coming-soon page). */
export const inspectionsZh = {
  'module.inspections.label': '市场监管检查',
  'module.inspections.description': '市场监管检查组对集贸市场、餐饮店、校园周边开展专项整治，跟踪整改与复查。',
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof inspectionsZh, string> {}
}
