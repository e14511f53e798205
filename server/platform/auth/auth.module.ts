import { separationMessages } from '../access/separation.ts';
import type { ModuleManifest } from '../module.ts';
import { importRoutes } from '../imports/imports.routes.ts';
import { accountsImport } from './accounts.import.ts';
import { accountsImportMessages } from './accounts-import.messages.ts';
import { apiKeysMessages } from './admin/api-keys.messages.ts';
import { registerApiKeyRoutes } from './admin/api-keys.routes.ts';
import { registerSecurityPolicyRoutes } from './admin/security-policy.ts';
import { registerUserAdminRoutes } from './admin/users-admin.routes.ts';
import { authEmits } from './auth.events.ts';
import { authMessages } from './auth.messages.ts';
import { authNotificationMessages, authNotifications, authSmsTemplates } from './auth.notifications.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { demoAccountsSeed } from './demo-accounts.ts';
import { inactiveAccountsJob } from './inactive-accounts.ts';

/**
 * Sign-in, sessions and one's own account, and the administrators' account, role, API-key and policy pages.
 * (Identity resolution itself is installed by app.ts for every route.) The 三员 hold these permissions by
 * definition (access/roles.ts); the labels are the ones the role administration shows.
 */
export const authManifest: ModuleManifest = {
  key: 'auth',
  title: { zh: '账号与权限', en: 'Accounts and access' },
  seeds: [demoAccountsSeed],
  routes: [
    registerAuthRoutes,
    registerUserAdminRoutes,
    registerApiKeyRoutes,
    registerSecurityPolicyRoutes,
    importRoutes(accountsImport),
  ],
  // 批量导入账号 (platform/imports): template, upload, dry run, commit, one-time initial passwords.
  imports: [accountsImport],
  permissions: [
    { key: 'users.read', zh: '查看用户', en: 'View users' },
    { key: 'users.manage', zh: '管理用户', en: 'Manage users' },
    { key: 'users.unlock', zh: '解锁账号', en: 'Unlock accounts' },
    { key: 'roles.read', zh: '查看角色', en: 'View roles' },
    { key: 'roles.grant', zh: '分配角色', en: 'Assign roles' },
    { key: 'roles.manage', zh: '管理角色', en: 'Manage roles' },
    { key: 'security.policy', zh: '安全策略', en: 'Security policy' },
    { key: 'apikeys.manage', zh: '管理 API 密钥', en: 'Manage API keys' },
    { key: 'sessions.revoke_any', zh: '结束任意会话', en: 'End any session' },
    { key: 'self.profile', zh: '本人资料', en: 'Own profile' },
    { key: 'self.password', zh: '修改本人密码', en: 'Change own password' },
    { key: 'self.sessions', zh: '管理本人会话', en: 'Own sessions' },
    { key: 'self.mfa', zh: '本人双因素认证', en: 'Own two-factor authentication' },
  ],
  // Maker ≠ checker refusals and grant warnings (access/separation.ts) are shown on account and role pages.
  messages: [authMessages, apiKeysMessages, separationMessages, accountsImportMessages, authNotificationMessages],
  // AC-05: the warning 7 days before and the disable are told to the security administrators.
  notifications: authNotifications,
  // AC-05: the holder is warned by SMS 7 days before (when the account has a work phone).
  smsTemplates: authSmsTemplates,
  // AC-05: accounts idle for 90 days are disabled, with a warning 7 days before.
  jobs: [inactiveAccountsJob],
  events: { emits: authEmits, consumes: [] },
};
