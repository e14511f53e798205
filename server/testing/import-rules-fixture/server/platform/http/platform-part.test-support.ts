// ✓ a platform test may read the module list
export { moduleList } from '../../modules/index.ts';
// ✗ platform-test-imports-module: a module's own file
export { betaApi } from '../../modules/beta/api.ts';
