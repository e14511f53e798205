import type { ModuleManifest } from '../module.ts';
import { registerApiKeyRoutes } from './admin/api-keys.routes.ts';
import { registerSecurityPolicyRoutes } from './admin/security-policy.ts';
import { registerUserAdminRoutes } from './admin/users-admin.routes.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { demoAccountsSeed } from './demo-accounts.ts';

/**
 * Sign-in, sessions and one's own account, and the administrators' account, role, API-key and policy pages.
 * (Identity resolution itself is installed by app.ts for every route.)
 */
export const authManifest: ModuleManifest = {
  key: 'auth',
  seeds: [demoAccountsSeed],
  routes: [registerAuthRoutes, registerUserAdminRoutes, registerApiKeyRoutes, registerSecurityPolicyRoutes],
};
