/** The module's name and what it will do (menu, home page, coming-soon page). */
export const volunteersZh = {
  'module.volunteers.label': '志愿服务',
  'module.volunteers.description':
    '志愿者、服务队与活动管理，服务时长与星级认定，点单-派单-接单-评单，出具志愿服务记录证明。',
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof volunteersZh, string> {}
}
