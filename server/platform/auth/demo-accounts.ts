import { columnContext, encryptField } from '../pii/field-crypto.ts';
import type { SeedStep } from '../seed/seed-step.ts';
import { createAccount } from './create-user.ts';
import { hashPassword } from './passwords.ts';
import { findUserByLogin } from './users.store.ts';

/** Demo only (the seed never runs in production): one shared password, printed at start. */
export const demoPassword = 'Demo#Yanling2026';
/** Demo only: the authenticator key of the demo accounts whose roles require MFA. */
export const demoTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface DemoAccount {
  loginId: string;
  displayName: string;
  role: string;
  scopeRegion: string;
  department?: string;
  phone?: string;
  mfa?: boolean;
}

/** One account per role, scoped as a real county would scope them (an inspector per township, a cadre per village). */
export const demoAccounts: readonly DemoAccount[] = [
  { loginId: 'sysadmin', displayName: '刘明（系统管理员）', role: 'sys_admin', scopeRegion: '430225', mfa: true },
  { loginId: 'secadmin', displayName: '陈静（安全管理员）', role: 'sec_admin', scopeRegion: '430225', mfa: true },
  { loginId: 'auditadmin', displayName: '王芳（审计管理员）', role: 'audit_admin', scopeRegion: '430225', mfa: true },
  { loginId: 'chuangwenban', displayName: '李华', role: 'coordinator', scopeRegion: '430225', department: '县创文办' },
  {
    loginId: 'dispatcher',
    displayName: '周婷',
    role: 'dispatcher',
    scopeRegion: '430225',
    department: '县数字城管指挥中心',
  },
  {
    loginId: 'inspector.xiayang',
    displayName: '谭建军',
    role: 'inspector',
    scopeRegion: '430225100',
    phone: '13907331234',
  },
  {
    loginId: 'inspector.miandu',
    displayName: '罗小兵',
    role: 'inspector',
    scopeRegion: '430225101',
    phone: '13907335678',
  },
  {
    loginId: 'dept.chengguan',
    displayName: '黄志强',
    role: 'department',
    scopeRegion: '430225',
    department: 'chengguan',
  },
  {
    loginId: 'market.group1',
    displayName: '邓丽',
    role: 'market_inspector',
    scopeRegion: '430225',
    department: '县市场监督管理局',
  },
  {
    loginId: 'volunteer.center',
    displayName: '曾晓红',
    role: 'volunteer_admin',
    scopeRegion: '430225',
    department: '县新时代文明实践中心',
  },
  { loginId: 'volunteer.demo', displayName: '段雨欣', role: 'volunteer', scopeRegion: '430225100' },
  { loginId: 'cadre.xiayang', displayName: '张德明', role: 'village_cadre', scopeRegion: '430225100200' },
  {
    loginId: 'servicedesk',
    displayName: '钟敏',
    role: 'service_clerk',
    scopeRegion: '430225',
    department: '县政务服务中心',
  },
  {
    loginId: 'yibao',
    displayName: '彭涛',
    role: 'insurance_clerk',
    scopeRegion: '430225',
    department: '县医疗保障事务中心',
    mfa: true,
  },
  {
    loginId: 'clinic.county',
    displayName: '谢医生',
    role: 'institution_operator',
    scopeRegion: '430225',
    department: '炎陵县人民医院',
    mfa: true,
  },
];

export const demoAccountsSeed: SeedStep = {
  name: 'accounts',
  async run(ctx, _options, progress) {
    const passwordHash = await hashPassword(demoPassword);
    for (const [index, account] of demoAccounts.entries()) {
      if (!(await findUserByLogin(ctx.db, ctx.countyCode, account.loginId))) {
        await createAccount(ctx, {
          ...account,
          passwordHash,
          mustChangePassword: false,
          roles: [account.role],
          ...(account.mfa
            ? {
                mfaSecretEnc: encryptField(ctx.keyring, demoTotpSecret, columnContext('app_user', 'mfa_secret_enc')),
                mfaEnabledAt: ctx.clock(),
              }
            : {}),
        });
      }
      progress(index + 1, demoAccounts.length);
    }
  },
};

/** What `serve --demo` prints so a visitor can sign in as any role. */
export function demoAccountsBanner(): string {
  const rows = demoAccounts.map(
    (a) => `  ${a.loginId.padEnd(20)} ${a.role.padEnd(22)} ${a.displayName}${a.mfa ? '  [MFA]' : ''}`,
  );
  return [
    `Demo accounts (password for all: ${demoPassword}):`,
    ...rows,
    `Accounts marked [MFA] need a code from an authenticator app with the key ${demoTotpSecret}`,
    `  (otpauth://totp/wenming-demo?secret=${demoTotpSecret}&issuer=wenming-demo).`,
  ].join('\n');
}
