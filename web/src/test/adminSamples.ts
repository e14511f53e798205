/** Admin API answers shaped like the server's (auth/admin/users-admin.schema.ts), for the admin page tests. */

export function sampleAccount(overrides: Record<string, unknown> = {}) {
  return {
    id: '3f2a1c9e-0000-4000-8000-000000000001',
    loginId: 'inspector.xiayang',
    displayName: '谭建军',
    scopeRegion: '430225100',
    scopeRegionName: '霞阳镇',
    department: null,
    status: 'active',
    disabledReason: null,
    roles: ['inspector'],
    locked: false,
    mfaEnabled: false,
    lastLoginAt: '2026-11-28T01:30:00.000Z',
    passwordChangedAt: '2026-11-01T00:00:00.000Z',
    expiresAt: null,
    phone: '139****1234',
    createdAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

export const lockedAccount = sampleAccount({
  id: '3f2a1c9e-0000-4000-8000-000000000002',
  loginId: 'cadre.xiayang',
  displayName: '张德明',
  scopeRegion: '430225100200',
  scopeRegionName: '霞阳村',
  roles: ['village_cadre'],
  locked: true,
  phone: null,
});

export function userPage(items: unknown[]) {
  return { items, total: items.length, page: 1, pageSize: 20 };
}

export const countyRegion = {
  region: { code: '430225', name: '炎陵县', level: 'county', parentCode: '430200', kind: null },
  ancestors: [],
  children: [
    { code: '430225100', name: '霞阳镇', level: 'township', parentCode: '430225', kind: '镇' },
    { code: '430225101', name: '沔渡镇', level: 'township', parentCode: '430225', kind: '镇' },
  ],
  counts: { township: 2 },
};

export const builtinRoles = [
  {
    key: 'sys_admin',
    nameZh: '系统管理员',
    nameEn: 'System administrator',
    permissions: ['users.read', 'users.manage'],
    permissionNames: { 'users.read': '查看用户', 'users.manage': '管理用户' },
    builtin: true,
    adminKind: 'sys',
    requiresMfa: true,
  },
  {
    key: 'sec_admin',
    nameZh: '安全管理员',
    nameEn: 'Security administrator',
    permissions: ['roles.grant'],
    permissionNames: { 'roles.grant': '分配角色' },
    builtin: true,
    adminKind: 'sec',
    requiresMfa: true,
  },
  {
    key: 'audit_admin',
    nameZh: '审计管理员',
    nameEn: 'Audit administrator',
    permissions: ['audit.read'],
    permissionNames: { 'audit.read': '查阅审计日志' },
    builtin: true,
    adminKind: 'audit',
    requiresMfa: true,
  },
  {
    key: 'coordinator',
    nameZh: '创文办',
    nameEn: 'Campaign office',
    permissions: [],
    permissionNames: {},
    builtin: true,
    adminKind: null,
    requiresMfa: false,
  },
  {
    key: 'inspector',
    nameZh: '监督员/巡查员',
    nameEn: 'Inspector',
    permissions: [],
    permissionNames: {},
    builtin: true,
    adminKind: null,
    requiresMfa: false,
  },
  {
    key: 'village_cadre',
    nameZh: '村干部',
    nameEn: 'Village cadre',
    permissions: [],
    permissionNames: {},
    builtin: true,
    adminKind: null,
    requiresMfa: false,
  },
];
