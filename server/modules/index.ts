import type { ModuleManifest } from '../platform/module.ts';
import { auditManifest } from '../platform/audit/audit.module.ts';
import { authManifest } from '../platform/auth/auth.module.ts';
import { calendarManifest } from '../platform/calendar/calendar.module.ts';
import { deliveryManifest } from '../platform/delivery/delivery.module.ts';
import { documentsManifest } from '../platform/documents/documents.module.ts';
import { filesManifest } from '../platform/files/files.module.ts';
import { importsManifest } from '../platform/imports/imports.module.ts';
import { jobsManifest } from '../platform/jobs/jobs.module.ts';
import { notifyManifest } from '../platform/notify/notify.module.ts';
import { piiManifest } from '../platform/pii/pii.module.ts';
import { regionsManifest } from '../platform/regions/regions.module.ts';
import { systemManifest } from '../platform/system/system.module.ts';
import { smsManifest } from '../platform/notify/sms/sms.module.ts';
import { casesManifest } from './cases/cases.module.ts';
import { merchantsManifest } from './merchants/merchants.module.ts';

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
 * Every manifest the app is built from: platform parts with routes first, then the business modules as their
 * issues land. Seed steps run in this order too. This file, server/app.ts, server/cli and server/testing are the
 * composition roots: the only code that names modules; the platform takes the list as an argument.
 */
export const appModules: readonly ModuleManifest[] = [
  regionsManifest,
  authManifest,
  auditManifest,
  piiManifest,
  calendarManifest,
  deliveryManifest,
  documentsManifest,
  filesManifest,
  importsManifest,
  jobsManifest,
  notifyManifest,
  systemManifest,
  smsManifest,
  casesManifest,
  merchantsManifest,
];
