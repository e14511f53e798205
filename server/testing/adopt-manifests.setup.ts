import { appModules } from '../modules/index.ts';
import { adoptManifests, forgetAdoptedManifests } from '../platform/modules/adopt.ts';

/**
 * Vitest setup (every server test file): installs every manifest's declarations — messages, personal-data
 * fields and revealers, maker ≠ checker pairs — as app.ts and the CLI do, so a unit test that translates a
 * module's message or checks the PII catalog sees them without building an app. Files share their worker's
 * modules, so the list of adopted manifests is first put back to the app's own.
 */
forgetAdoptedManifests();
adoptManifests(appModules);
