// ✗ web-app-names-module: a module by name (the shell is handed the list by web/src/main.ts, never imports it)
export { alphaPage } from '../modules/alpha/alpha-page.ts';
