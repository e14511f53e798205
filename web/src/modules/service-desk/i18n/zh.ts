/** The module's name and what it will do (menu, home page, coming-soon page). */
export const serviceDeskZh = {
  'module.service-desk.label': '特殊群体服务专区',
  'module.service-desk.description':
    '政务服务中心为老年人、孕妇、残疾人、军人等特殊群体提供引导办、帮代办、上门办、预约办、授权办。',
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof serviceDeskZh, string> {}
}
