import type { ModuleManifest } from '../module.ts';
import { registerAuditRoutes } from './audit.routes.ts';

/** The audit administrator's interface (AUD-06): search, verify the chain, export. */
export const auditManifest: ModuleManifest = {
  key: 'audit',
  routes: [registerAuditRoutes],
};
