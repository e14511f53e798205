// ✓ the app's composition root names the module list
export { modulePages } from '../modules/index.ts';
// ✗ web-app-names-module: a module by name
export { alphaPage } from '../modules/alpha/alpha-page.ts';
