import { adoptedManifests } from '../modules/adopt.ts';
import type { ModuleManifest } from '../module.ts';
import type { AnyImportKind } from './import-kind.ts';
import { importsMessages } from './imports.messages.ts';
import { importsNotPersonal, importsPiiFields } from './imports.pii.ts';
import { runImportWork, sweepImports } from './worker.ts';

/** Every import kind the adopted manifests declare (the worker finds a run's kind here). */
export function adoptedImportKinds(): AnyImportKind[] {
  return adoptedManifests().flatMap((manifest) => manifest.imports ?? []);
}

/**
 * Spreadsheet imports (platform/imports): no routes of its own — each kind's routes sit behind the kind's
 * permission, registered by the module that declares it (`importRoutes(kind)`). This manifest carries the
 * messages, the personal data imports keep (the uploaded file, initial passwords) and the worker.
 */
export const importsManifest: ModuleManifest = {
  key: 'imports',
  title: { zh: '表格导入', en: 'Spreadsheet imports' },
  messages: [importsMessages],
  personalData: { fields: importsPiiFields, notPersonal: importsNotPersonal },
  jobs: [
    { name: 'imports.work', everyMs: 2_000, run: (ctx) => runImportWork(ctx, adoptedImportKinds()) },
    { name: 'imports.sweep', everyMs: 60 * 60_000, run: (ctx) => sweepImports(ctx) },
  ],
};
