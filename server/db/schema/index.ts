// The one drizzle schema: every module adds its tables file here.
export * from './audit.ts';
export * from './calendar.ts';
export * from './cases.ts';
export * from './cases-catalogue.ts';
export * from './cases-evaluation.ts';
export * from './cases-reminders.ts';
export * from './cases-uploads.ts';
export * from './delivery.ts';
export * from './documents.ts';
export * from './identity.ts';
export * from './imports.ts';
export * from './jobs.ts';
export * from './merchants.ts';
export * from './notify.ts';
export * from './notify-sms.ts';
export * from './platform.ts';
