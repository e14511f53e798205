// ✗ platform-test-imports-module: a module's own file (platform tests are handed the manifests: adoptedManifests())
export { betaApi } from '../../modules/beta/api.ts';
