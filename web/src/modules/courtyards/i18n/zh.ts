/** The module's name and what it will do (menu, home page, coming-soon page). */
export const courtyardsZh = {
  'module.courtyards.label': '最美庭院',
  'module.courtyards.description':
    '按庭院美、居室美、厨厕美、身心美“四美”标准季度评选，党员干部包干，评选结果公示与异议处理。',
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof courtyardsZh, string> {}
}
