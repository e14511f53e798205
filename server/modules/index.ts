import type { AppModule } from '../platform/module.ts';
import { auditModule } from '../platform/audit/audit.routes.ts';
import { authModule } from '../platform/auth/auth.module.ts';
import { calendarModule } from '../platform/calendar/calendar.routes.ts';
import { deliveryModule } from '../platform/delivery/delivery.module.ts';
import { piiModule } from '../platform/pii/pii.routes.ts';
import { regionsModule } from '../platform/regions/regions.routes.ts';
import { casesCatalogueModule } from './cases/catalogue/catalogue.routes.ts';
import { casesModule } from './cases/cases.routes.ts';
import { casesEvaluationModule } from './cases/evaluation/evaluation.routes.ts';
import { casesExportModule } from './cases/export/export.routes.ts';
import { open311Module } from './cases/open311/open311.routes.ts';

/** The systems of the source page, in the order the sidebar shows them. */
export const productModuleKeys = [
  'dashboard',
  'cases',
  'merchants',
  'inspections',
  'volunteers',
  'courtyards',
  'service-desk',
  'insurance',
  'projects',
] as const;
export type ProductModuleKey = (typeof productModuleKeys)[number];

/**
 * Every module the app is built from: platform parts with routes first, then the business modules as their
 * issues land. Seed steps run in this order too.
 */
export const appModules: readonly AppModule[] = [
  regionsModule,
  authModule,
  auditModule,
  piiModule,
  calendarModule,
  deliveryModule,
  casesCatalogueModule,
  casesModule,
  casesEvaluationModule,
  casesExportModule,
  open311Module,
];
