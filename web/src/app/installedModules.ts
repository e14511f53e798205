import { webModules } from '../modules/index.ts';
import type { WebModule } from './webModule.ts';

/**
 * The one place `app/` learns which modules exist: the list `web/src/modules/index.ts` composes, in menu order.
 * Everything else in the shell iterates it (a test keeps `app/` from importing a module or naming one).
 */
export const installedModules: readonly WebModule[] = webModules;

export function moduleOf(key: string): WebModule | undefined {
  return installedModules.find((module) => module.key === key);
}
