// ✓ an HTTP schema reads the column enumerations
export { betaKinds } from '../../db/schema/beta.ts';
