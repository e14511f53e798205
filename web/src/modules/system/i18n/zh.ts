/** The system administrator's area: its name, what it does, and its page's introduction. */
export const systemZh = {
  'module.system.label': '系统管理',
  'module.system.description': '人员账号的新建、编辑、停用与密码重置，由系统管理员负责（三员分立）。',
  'system.intro': '管理本单位人员账号：新建、编辑、停用和重置密码（三员分立：系统管理员）。',
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof systemZh, string> {}
}
