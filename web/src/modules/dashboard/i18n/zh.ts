/** The module's name and what it will do (menu, home page, coming-soon page). */
export const dashboardZh = {
  'module.dashboard.label': '数据看板',
  'module.dashboard.description': '根据业务记录实时计算创文各项指标，生成数据看板与工作简报。',
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof dashboardZh, string> {}
}
