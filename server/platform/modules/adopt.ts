import { adoptIntegrationPermissions } from '../access/integration-permissions.ts';
import { registerMakerCheckerPairs } from '../access/separation.ts';
import { registerAuditLabels } from '../audit/audit-labels.ts';
import { registerMessages } from '../i18n/translate.ts';
import type { ModuleManifest } from '../module.ts';
import { registerNotPersonal, registerPiiFields } from '../pii/registry.ts';
import { registerRevealer } from '../pii/reveal.ts';

/**
 * Declarations already installed, by identity. The registries refuse a second registration of a field or a
 * revealer, and one process adopts the same manifests many times (each test app, the CLI, the test setup),
 * also as copies (`{ ...casesManifest, routes }`): copies share these objects, so they are installed once.
 */
const installed = new WeakSet<object>();
const adopted = new Map<string, ModuleManifest>();

function once<T extends object>(declaration: T | undefined, install: (declaration: T) => void): void {
  if (!declaration || installed.has(declaration)) return;
  install(declaration);
  installed.add(declaration);
}

function install(manifest: ModuleManifest): void {
  for (const catalogue of manifest.messages ?? []) once(catalogue, registerMessages);
  const personal = manifest.personalData;
  once(personal?.fields, registerPiiFields);
  once(personal?.notPersonal, registerNotPersonal);
  for (const revealer of personal?.revealers ?? []) once(revealer, registerRevealer);
  once(manifest.separation, registerMakerCheckerPairs);
  once(manifest.audit, registerAuditLabels);
}

/**
 * Installs what the manifests declare into the platform's registries — messages, personal-data fields and
 * revealers, maker ≠ checker pairs, the API-key allowlist — so the platform reads them without importing a
 * module. Called by the composition roots (app.ts, the CLI, test setup) before anything else; idempotent.
 * The allowlist is the given manifests' own (an app built from fewer modules offers fewer key permissions);
 * everything else accumulates.
 */
export function adoptManifests(manifests: readonly ModuleManifest[]): void {
  for (const manifest of manifests) {
    install(manifest);
    adopted.set(manifest.key, manifest);
  }
  adoptIntegrationPermissions(manifests);
}

/** Every manifest adopted in this process, latest per key (what the permission catalogue and docs read). */
export function adoptedManifests(): readonly ModuleManifest[] {
  return [...adopted.values()];
}

/**
 * Test setup only: the next file starts from the app's manifests. Server test files share a worker's modules
 * (vitest.config.ts), and a file that adopts a fixture manifest ('careless', a test SMS template) must not leave
 * it in the list the next file builds its app or its checks from. The registries keep what was installed: a
 * fixture's messages or fields under its own key change nothing another file reads.
 */
export function forgetAdoptedManifests(): void {
  adopted.clear();
}
