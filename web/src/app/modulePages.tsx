import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { ModuleKey } from './modules.ts';

/**
 * Each module's page, loaded on demand so a module's weight (tables, charts) only reaches users who open it.
 * A module issue replaces the page inside `web/src/modules/<key>/`; this table does not change.
 */
export const modulePages: Record<ModuleKey, LazyExoticComponent<ComponentType>> = {
  dashboard: lazy(() => import('../modules/dashboard/index.tsx')),
  cases: lazy(() => import('../modules/cases/index.tsx')),
  merchants: lazy(() => import('../modules/merchants/index.tsx')),
  inspections: lazy(() => import('../modules/inspections/index.tsx')),
  volunteers: lazy(() => import('../modules/volunteers/index.tsx')),
  courtyards: lazy(() => import('../modules/courtyards/index.tsx')),
  'service-desk': lazy(() => import('../modules/service-desk/index.tsx')),
  insurance: lazy(() => import('../modules/insurance/index.tsx')),
  projects: lazy(() => import('../modules/projects/index.tsx')),
  system: lazy(() => import('../modules/system/index.tsx')),
  security: lazy(() => import('../modules/security/index.tsx')),
  audit: lazy(() => import('../modules/audit/index.tsx')),
};
