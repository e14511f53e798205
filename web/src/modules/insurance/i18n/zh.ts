/** The module's name and what it will do (menu, home page, coming-soon page). */
export const insuranceZh = {
  'module.insurance.label': '医保两病与异地结算',
  'module.insurance.description':
    '高血压、糖尿病（两病）门诊用药保障认定备案，异地就医备案与直接结算，基金清算与对账。',
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof insuranceZh, string> {}
}
