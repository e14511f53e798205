import type { ModuleManifest } from '../module.ts';
import { readNationalRegions } from './national-regions.ts';
import { ensureNationalRegions } from './reference-data.ts';
import { registerRegionsRoutes } from './regions.routes.ts';
import { villagesSeed } from './regions.seed.ts';

/** 行政区划: national public reference data, read without signing in; the demo seed adds villages. */
export const regionsManifest: ModuleManifest = {
  key: 'regions',
  title: { zh: '行政区划', en: 'Regions' },
  routes: [registerRegionsRoutes],
  referenceData: [
    {
      name: 'regions.national',
      version: () => readNationalRegions().version,
      run: async (ctx) => {
        await ensureNationalRegions(ctx);
      },
    },
  ],
  seeds: [villagesSeed],
};
