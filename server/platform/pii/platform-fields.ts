import type { NotPersonalColumn, PiiField } from './registry.ts';

/**
 * The platform's own personal-data columns: staff accounts, sessions, sign-in throttling and the audit trail.
 * Staff accounts rest on 人力资源管理 (PIPL art. 13(二)); security logs on 法定职责 (网络安全法 art. 21(三):
 * network logs kept for at least six months).
 */

const account = { legalBasis: '人力资源管理', retention: '账号存续期间；停用的账号连同审计记录保留，不删除' } as const;
const securityLog = {
  legalBasis: '法定职责',
  retention: '在线至少 180 天（网络安全法第二十一条，AUD-05），此后归档',
  retentionDays: 180,
} as const;

export const platformPiiFields: readonly PiiField[] = [
  {
    table: 'app_user', column: 'login_id', category: 'network', sensitive: false, ...account,
    purpose: '登录账号，用于识别和登录', mask: 'none', encrypted: false,
  },
  {
    table: 'app_user', column: 'login_key', category: 'network', sensitive: false, ...account,
    purpose: '登录账号的规范形式（不区分大小写），保证一人一号', mask: 'none', encrypted: false,
  },
  {
    table: 'app_user', column: 'display_name', category: 'name', sensitive: false, ...account,
    // Staff names are shown to colleagues and on the records they handle; residents' names are masked.
    purpose: '识别账号使用人，在经办记录和审计记录中署名', mask: 'none', encrypted: false,
  },
  {
    table: 'app_user', column: 'phone_enc', category: 'contact', sensitive: false, ...account,
    purpose: '工作联系、账号找回与安全通知', mask: 'phone', encrypted: true,
    blindIndexColumn: 'phone_hmac', blindIndexKind: 'phone', revealPermission: 'pii.reveal.phone',
  },
  {
    table: 'app_user', column: 'phone_hmac', category: 'contact', sensitive: false, ...account,
    purpose: '手机号盲索引：按号码精确查找与查重，不可还原', mask: 'secret', encrypted: false, derivedFrom: 'phone_enc',
  },
  {
    table: 'app_user', column: 'password_hash', category: 'auth_secret', sensitive: true, ...account,
    purpose: '验证登录口令（仅存 Argon2id 摘要）', mask: 'secret', encrypted: false,
  },
  {
    table: 'app_user', column: 'password_history', category: 'auth_secret', sensitive: true, ...account,
    purpose: '口令历史摘要，防止重复使用旧口令', mask: 'secret', encrypted: false,
  },
  {
    table: 'app_user', column: 'mfa_secret_enc', category: 'auth_secret', sensitive: true, ...account,
    purpose: '双因素认证（TOTP）密钥', mask: 'secret', encrypted: true,
  },
  {
    table: 'user_session', column: 'source_ip', category: 'network', sensitive: false, legalBasis: '法定职责',
    purpose: '会话安全：识别异常登录，供本人和安全管理员查看', retention: '会话结束或注销时删除', mask: 'ip', encrypted: false,
  },
  {
    table: 'user_session', column: 'user_agent', category: 'network', sensitive: false, legalBasis: '法定职责',
    purpose: '会话安全：识别登录设备', retention: '会话结束或注销时删除', mask: 'none', encrypted: false,
  },
  {
    table: 'login_throttle', column: 'source_ip', category: 'network', sensitive: false, legalBasis: '法定职责',
    purpose: '按来源地址限制登录失败次数，防止口令猜测', retention: '计数窗口结束后清除', mask: 'ip', encrypted: false,
  },
  {
    // A stored answer may hold a secret kept elsewhere only as a hash (a citizen's tracking code, an upload
    // id's secret), so it is sealed; the records serve retries of a write, minutes to hours after it.
    table: 'idempotency_record', column: 'response', category: 'auth_secret', sensitive: true, legalBasis: '法定职责',
    purpose: '重复提交时原样返回首次的答复（幂等），其中可能含查询码等凭据', retention: '服务于提交后的重试', mask: 'secret', encrypted: true,
  },
  {
    table: 'audit_event', column: 'actor_id', category: 'network', sensitive: false, ...securityLog,
    purpose: '安全审计：操作人账号', mask: 'none', encrypted: false,
  },
  {
    table: 'audit_event', column: 'actor_name', category: 'name', sensitive: false, ...securityLog,
    purpose: '安全审计：操作人姓名（记录当时的名称）', mask: 'none', encrypted: false,
  },
  {
    table: 'audit_event', column: 'source_ip', category: 'network', sensitive: false, ...securityLog,
    purpose: '安全审计：操作来源地址', mask: 'none', encrypted: false,
  },
  {
    table: 'audit_event', column: 'user_agent', category: 'network', sensitive: false, ...securityLog,
    purpose: '安全审计：操作来源设备', mask: 'none', encrypted: false,
  },
];

/** Reviewed: these names match a personal-data pattern, their contents are not about a person. */
export const notPersonalPlatformColumns: readonly NotPersonalColumn[] = [
  { table: 'region', column: 'name', reason: '行政区划名称（地名），公开的参考数据' },
  { table: 'app_role', column: 'name_zh', reason: '角色名称（中文），不是人名' },
  { table: 'app_role', column: 'name_en', reason: '角色名称（英文），不是人名' },
  { table: 'api_key', column: 'name', reason: '对接系统或机构的名称，不是人名' },
  { table: 'audit_archive', column: 'file_name', reason: '审计归档文件名，由系统生成' },
  { table: 'api_key', column: 'secret_hash', reason: '对接系统密钥的摘要：机器凭据，不属于个人' },
];
