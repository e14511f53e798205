/** The module's name and what it will do (menu, home page, coming-soon page). */
export const projectsZh = {
  'module.projects.label': '示范园区',
  'module.projects.description': '巩固拓展脱贫攻坚成果示范园区项目的建设进度、资金与成效管理。',
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof projectsZh, string> {}
}
