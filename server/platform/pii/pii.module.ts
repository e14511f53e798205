import type { ModuleManifest } from '../module.ts';
import { registerPiiRoutes } from './pii.routes.ts';
import { userRevealer } from './user-revealers.ts';

/**
 * Personal-data protection: the audited reveal of masked fields (PI-03, AC-04), and staff phones as the
 * platform's own revealable field. (The platform's PII columns are registered by registry.ts itself.)
 */
export const piiManifest: ModuleManifest = {
  key: 'pii',
  title: { zh: '个人信息保护', en: 'Personal data' },
  routes: [registerPiiRoutes],
  permissions: [
    { key: 'pii.reveal', zh: '查看个人信息明文', en: 'Reveal personal data' },
    { key: 'pii.reveal.phone', zh: '查看手机号明文', en: 'Reveal phone numbers' },
  ],
  personalData: { revealers: [userRevealer] },
};
