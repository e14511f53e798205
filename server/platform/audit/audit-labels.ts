import type { Locale } from '../i18n/locale.ts';

/** Words in both languages (the shape of module.ts `Bilingual`, repeated so this file imports no manifest type). */
type Words = Readonly<Record<Locale, string>>;

/** An event type a module writes to the audit trail ('cases.register'), with the name auditors read. */
export interface AuditEventDeclaration extends Words {
  type: string;
}

/** A kind of object audit rows name ('case', 'user'), with its name in words. */
export interface AuditObjectDeclaration extends Words {
  type: string;
}

/**
 * What a manifest declares for the audit pages and exports (`ModuleManifest.audit`): every event type it
 * writes and every object type it names, in zh and en. `audit-labels.test.ts` finds the event types written in
 * the code and fails on one without a label.
 */
export interface AuditLabels {
  events: readonly AuditEventDeclaration[];
  objects?: readonly AuditObjectDeclaration[];
}

const events = new Map<string, Words>();
const objects = new Map<string, Words>();

/** Installed by `adoptManifests` (each manifest's `audit`); a type declared twice keeps its first words. */
export function registerAuditLabels(labels: AuditLabels): void {
  for (const event of labels.events) if (!events.has(event.type)) events.set(event.type, event);
  for (const object of labels.objects ?? []) if (!objects.has(object.type)) objects.set(object.type, object);
}

/** The event's name in the reader's language; an undeclared type (an old row, a removed module) as stored. */
export function auditEventLabel(type: string, locale: Locale): string {
  return events.get(type)?.[locale] ?? type;
}

export function auditObjectLabel(type: string, locale: Locale): string {
  return objects.get(type)?.[locale] ?? type;
}

export function declaredAuditEvents(): ReadonlySet<string> {
  return new Set(events.keys());
}

const e = (type: string, zh: string, en: string): AuditEventDeclaration => ({ type, zh, en });

/** The platform's own events: sign-in, access, personal data, accounts, roles, keys, the trail itself, services. */
export const platformAuditLabels: AuditLabels = {
  events: [
    e('auth.login', '登录', 'Sign-in'),
    e('auth.logout', '退出登录', 'Sign-out'),
    e('auth.mfa', '双因素认证', 'Two-factor authentication'),
    e('auth.password', '修改密码', 'Password change'),
    e('auth.session', '会话', 'Session'),
    e('auth.lock', '账号锁定', 'Account locked'),
    e('access.denied', '拒绝访问', 'Access denied'),
    e('access.csrf', '拒绝跨站请求', 'Cross-site request refused'),
    e('pii.reveal', '查看个人信息明文', 'Personal data revealed'),
    e('pii.keys.rotate', '更换加密密钥', 'Encryption key rotated'),
    e('users.create', '创建账号', 'Account created'),
    e('users.update', '修改账号', 'Account changed'),
    e('users.reset_password', '重置密码', 'Password reset'),
    e('users.unlock', '解锁账号', 'Account unlocked'),
    e('users.disable', '停用账号', 'Account disabled'),
    e('users.inactivity_warning', '长期未登录提醒', 'Inactivity warning'),
    e('roles.assign', '分配角色', 'Roles assigned'),
    e('apikeys.create', '创建接口密钥', 'API key created'),
    e('apikeys.revoke', '吊销接口密钥', 'API key revoked'),
    e('security.policy', '修改安全策略', 'Security policy changed'),
    e('audit.search', '查询审计日志', 'Audit trail searched'),
    e('audit.export', '导出审计日志', 'Audit trail exported'),
    e('audit.verify', '校验审计日志', 'Audit trail verified'),
    e('audit.purge', '清理过期审计记录', 'Expired audit records purged'),
    e('audit.reveal_alert', '异常查看个人信息预警', 'Unusual reveals alert'),
    e('calendar.update', '修改工作日历', 'Working calendar changed'),
    e('documents.issue', '出具文书', 'Document issued'),
    e('documents.reprint', '补打文书', 'Document reprinted'),
    e('documents.revoke', '作废文书', 'Document revoked'),
    e('imports.upload', '上传导入文件', 'Import file uploaded'),
    e('imports.commit_requested', '申请导入', 'Import requested'),
    e('imports.commit', '完成导入', 'Import committed'),
    e('imports.discard', '放弃导入', 'Import discarded'),
    e('imports.expire', '导入文件过期清理', 'Import expired'),
    e('imports.handouts_download', '下载初始密码单', 'Initial passwords downloaded'),
    e('jobs.retry', '重试后台任务', 'Background job retried'),
    e('notify.event_skipped', '跳过无法投递的事件', 'Undeliverable event skipped'),
    e('notify.inbox.deliver', '投递待办与消息', 'Inbox items delivered'),
    e('notify.inbox.read', '阅读消息', 'Message read'),
    e('notify.inbox.read_all', '全部标为已读', 'All messages read'),
    e('notify.inbox.done', '办结待办', 'To-do done'),
    e('notify.sms.queue', '短信排队', 'SMS queued'),
    e('notify.sms.send', '发送短信', 'SMS sent'),
    e('notify.sms.retry', '重发短信', 'SMS retried'),
    e('notify.sms.cancel', '取消短信', 'SMS cancelled'),
  ],
  objects: [
    e('user', '账号', 'Account'),
    e('session', '会话', 'Session'),
    e('api_key', '接口密钥', 'API key'),
    e('role', '角色', 'Role'),
    e('setting', '设置', 'Setting'),
    e('route', '接口', 'Route'),
    e('region', '行政区划', 'Region'),
    e('column', '数据列', 'Column'),
    e('calendar', '工作日历', 'Calendar'),
    e('calendar_day', '日历日', 'Calendar day'),
    e('document', '文书', 'Document'),
    e('import_run', '导入批次', 'Import'),
    e('inbox_item', '待办与消息', 'Inbox item'),
    e('job', '后台任务', 'Background job'),
    e('sms_message', '短信', 'SMS'),
    e('photo_upload', '照片上传', 'Photo upload'),
    e('audit_event', '审计日志', 'Audit trail'),
    e('audit_chain', '审计哈希链', 'Audit hash chain'),
    e('audit_archive', '审计归档', 'Audit archive'),
  ],
};
