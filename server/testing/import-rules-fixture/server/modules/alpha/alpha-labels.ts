// ✗ server-imports-web
export { alphaPage } from '../../../web/src/modules/alpha/alpha-page.ts';
