import type { ModuleManifest } from '../module.ts';
import { registerPiiRoutes } from './pii.routes.ts';
// Registers the platform's revealers (staff phones).
import './user-revealers.ts';

/** Personal-data protection: the audited reveal of masked fields (PI-03, AC-04). */
export const piiManifest: ModuleManifest = {
  key: 'pii',
  routes: [registerPiiRoutes],
};
