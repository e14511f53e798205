/**
 * Built-in roles (DESIGN.md). Modules add PERMISSIONS to these roles (ModuleManifest.grants), never new roles.
 * The three administrators (三员, 等保 安全管理中心) exclude each other and hold no business permissions.
 */
export const roleKeys = [
  'sys_admin',
  'sec_admin',
  'audit_admin',
  'coordinator',
  'dispatcher',
  'inspector',
  'department',
  'market_inspector',
  'volunteer_admin',
  'volunteer',
  'village_cadre',
  'service_clerk',
  'insurance_clerk',
  'institution_operator',
] as const;
export type RoleKey = (typeof roleKeys)[number];

export type AdminKind = 'sys' | 'sec' | 'audit';

export interface RoleDefinition {
  key: RoleKey;
  nameZh: string;
  nameEn: string;
  adminKind: AdminKind | null;
  /** MFA is mandatory for the three administrators and for settlement roles (AUTH-05). */
  requiresMfa: boolean;
  /** Minutes of inactivity before the session ends (等保 L3-CES1-02): 15 for administrators, 30 otherwise. */
  idleMinutes: number;
  permissions: readonly string[];
}

const admin = (
  key: RoleKey,
  nameZh: string,
  nameEn: string,
  adminKind: AdminKind,
  permissions: string[],
): RoleDefinition => ({
  key,
  nameZh,
  nameEn,
  adminKind,
  requiresMfa: true,
  idleMinutes: 15,
  permissions,
});

const staff = (key: RoleKey, nameZh: string, nameEn: string, requiresMfa = false): RoleDefinition => ({
  key,
  nameZh,
  nameEn,
  adminKind: null,
  requiresMfa,
  idleMinutes: 30,
  permissions: [],
});

/** The platform's own permissions; business modules contribute theirs through `grants`. */
export const builtinRoles: readonly RoleDefinition[] = [
  // Staff phone numbers are account data the system administrator keeps up to date, hence the reveal permission.
  admin('sys_admin', '系统管理员', 'System administrator', 'sys', [
    'users.read',
    'users.manage',
    'system.config',
    'system.metrics',
    'system.backup',
    // Background jobs: schedules, queue counts, failed jobs without payloads, and a retry of a dead job.
    'system.jobs',
    // SMS deliveries: status, masked phones and a retry (notify/sms); no case data beyond the case number.
    'system.sms',
    'pii.reveal',
    'pii.reveal.phone',
  ]),
  admin('sec_admin', '安全管理员', 'Security administrator', 'sec', [
    'users.read',
    'roles.read',
    'roles.grant',
    'roles.manage',
    'users.unlock',
    'security.policy',
    'apikeys.manage',
    'sessions.revoke_any',
  ]),
  admin('audit_admin', '审计管理员', 'Audit administrator', 'audit', ['audit.read', 'audit.verify', 'audit.export']),
  staff('coordinator', '创文办', 'Campaign office'),
  staff('dispatcher', '受理员/派遣员', 'Intake clerk / dispatcher'),
  staff('inspector', '监督员/巡查员', 'Inspector'),
  staff('department', '专业部门', 'Department handler'),
  staff('market_inspector', '市场监管检查组', 'Market inspector'),
  staff('volunteer_admin', '志愿服务中心', 'Volunteer centre'),
  staff('volunteer', '志愿者', 'Volunteer'),
  staff('village_cadre', '村干部', 'Village cadre'),
  staff('service_clerk', '政务服务专员', 'Service-desk clerk'),
  staff('insurance_clerk', '医保经办', 'Insurance clerk', true),
  staff('institution_operator', '定点医疗机构', 'Institution operator', true),
];

/** Permissions every signed-in person has over their own account (and their own inbox: to-dos and messages). */
export const selfServicePermissions = [
  'self.profile',
  'self.password',
  'self.sessions',
  'self.mfa',
  'self.inbox',
] as const;

export function isRoleKey(value: string): value is RoleKey {
  return (roleKeys as readonly string[]).includes(value);
}

/** Adds the modules' grants to the built-in roles; 三员 roles refuse business grants. */
export function withGrants(
  roles: readonly RoleDefinition[],
  grants: ReadonlyArray<Partial<Record<RoleKey, readonly string[]>>>,
): RoleDefinition[] {
  return roles.map((role) => {
    const extra = grants.flatMap((g) => g[role.key] ?? []);
    if (role.adminKind && extra.length > 0)
      throw new Error(`role ${role.key} is a 三员 role: modules may not grant it business permissions`);
    return { ...role, permissions: [...new Set([...role.permissions, ...extra])] };
  });
}
