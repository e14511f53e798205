/** The system administrator's area: its name, what it does, and its page's introduction. */
export const systemZh = {
  'module.system.label': '系统管理',
  'module.system.description': '人员账号的新建、编辑、停用与密码重置，由系统管理员负责（三员分立）。',
  'system.intro': '管理本单位人员账号：新建、编辑、停用和重置密码（三员分立：系统管理员）。',
  'system.sms.title': '短信发送记录',
  'system.sms.allStatuses': '全部状态',
  'system.sms.gateway': '短信网关：{gateway}',
  'system.sms.gatewayLocal': '短信网关：本地替身（只记录，不实际发送）',
  'system.sms.createdAt': '生成时间',
  'system.sms.phone': '手机号',
  'system.sms.template': '模板',
  'system.sms.statusTitle': '状态',
  'system.sms.attempts': '尝试次数',
  'system.sms.lastError': '最近错误',
  'system.sms.retry': '重发',
  'system.sms.retried': '已重新排队发送',
  'system.sms.status.pending': '待发送',
  'system.sms.status.sending': '发送中',
  'system.sms.status.sent': '已发送',
  'system.sms.status.failed': '失败待重试',
  'system.sms.status.dead': '已放弃',
  'system.sms.status.cancelled': '已取消',
} as const;

/** `t()` knows this module's keys without the shell importing the module (declaration merging). */
declare module '../../../app/i18n/zh.ts' {
  interface ModuleMessages extends Record<keyof typeof systemZh, string> {}
}
