// ✓ another module through its published api.ts
export { betaApi } from '../beta/api.ts';
// ✗ module-internals: another module's store
export { findBeta } from '../beta/beta.store.ts';

export const alphaRoutes = 'alpha';
