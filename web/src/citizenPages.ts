import type { PublicPages } from './app/webModule.ts';
import { casesPublicPages } from './modules/cases/publicPages.ts';

/**
 * The public pages the residents' entry (`citizen.html`) mounts, with their strings. Each module's public-pages
 * file is imported, never its manifest or the module list, so the staff pages stay out of the residents' bundle.
 */
export const citizenPages: readonly PublicPages[] = [casesPublicPages];
