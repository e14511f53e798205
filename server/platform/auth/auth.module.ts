import type { AppModule } from '../module.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { demoAccountsSeed } from './demo-accounts.ts';

/** Sign-in, sessions and one's own account. (Identity resolution itself is installed by app.ts for every route.) */
export const authModule: AppModule = {
  key: 'auth',
  seeds: [demoAccountsSeed],
  routes(app, deps) {
    registerAuthRoutes(app, deps);
  },
};
