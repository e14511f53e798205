// The one drizzle schema: every module adds its tables file here.
export * from './audit.ts';
export * from './calendar.ts';
export * from './cases.ts';
export * from './cases-catalogue.ts';
export * from './cases-evaluation.ts';
export * from './cases-uploads.ts';
export * from './delivery.ts';
export * from './identity.ts';
export * from './platform.ts';
