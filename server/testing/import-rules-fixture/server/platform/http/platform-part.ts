// ✗ platform-imports-module: the platform is handed manifests, it never names a module.
export { alphaRoutes } from '../../modules/alpha/alpha.routes.ts';
