import type { PublicPages, WebModule } from './webModule.ts';

let installed: readonly WebModule[] = [];
let installedPublic: readonly PublicPages[] | undefined;

/**
 * How `app/` learns which modules exist: the composition root (`web/src/main.tsx`, and the web tests' setup file)
 * hands it the list `web/src/modules/index.ts` composes, in menu order, before the first render. The shell never
 * imports that list, so no module's import of a shell part (i18n, dialogs) closes a cycle; a test keeps `app/`
 * from importing a module or naming one.
 */
export function installModules(modules: readonly WebModule[]): void {
  installed = modules;
  installedPublic = undefined;
}

/**
 * The residents' entry (`web/src/citizen-main.tsx`) installs only the modules' public pages and strings; the
 * staff menu, home and routes then see no module.
 */
export function installPublicPages(pages: readonly PublicPages[]): void {
  installed = [];
  installedPublic = pages;
}

/** Whose public pages and strings this app carries: the installed modules, or what the residents' entry gave. */
export function installedPublicPages(): readonly PublicPages[] {
  return installedPublic ?? installed;
}

/** The installed modules, in menu order. */
export function installedModules(): readonly WebModule[] {
  return installed;
}

export function moduleOf(key: string): WebModule | undefined {
  return installed.find((module) => module.key === key);
}
