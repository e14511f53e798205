import { auditModule } from './audit/module.ts';
import { casesModule } from './cases/module.ts';
import { courtyardsModule } from './courtyards/module.ts';
import { dashboardModule } from './dashboard/module.ts';
import { inspectionsModule } from './inspections/module.ts';
import { insuranceModule } from './insurance/module.ts';
import { merchantsModule } from './merchants/module.ts';
import { projectsModule } from './projects/module.ts';
import { securityModule } from './security/module.ts';
import { serviceDeskModule } from './service-desk/module.ts';
import { systemModule } from './system/module.ts';
import { volunteersModule } from './volunteers/module.ts';
import type { WebModule } from '../app/webModule.ts';

/**
 * The web app's modules, in menu order: the composition root of the web, as `server/modules/index.ts` is the
 * server's. Keys match the server modules (DESIGN.md). A new module adds its manifest here and nowhere in `app/`.
 */
export const webModules: readonly WebModule[] = [
  dashboardModule,
  casesModule,
  merchantsModule,
  inspectionsModule,
  volunteersModule,
  courtyardsModule,
  serviceDeskModule,
  insuranceModule,
  projectsModule,
  systemModule,
  securityModule,
  auditModule,
];
