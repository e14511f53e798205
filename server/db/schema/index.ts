// The one drizzle schema: every module adds its tables file here.
export * from './platform.ts';
