import type { ModuleManifest } from '../module.ts';
import { registerRegionsRoutes } from './regions.routes.ts';
import { villagesSeed } from './regions.seed.ts';

/** 行政区划: national public reference data, read without signing in; the demo seed adds villages. */
export const regionsManifest: ModuleManifest = {
  key: 'regions',
  seeds: [villagesSeed],
  routes: [registerRegionsRoutes],
};
