import type { ModuleManifest } from '../module.ts';
import { adoptedImportKinds } from './adopted-kinds.ts';
import { importsMessages } from './imports.messages.ts';
import { importsNotPersonal, importsPiiFields } from './imports.pii.ts';
import { importRunJob } from './queue.ts';
import { runImportWork, sweepImports } from './worker.ts';

/**
 * Spreadsheet imports (platform/imports): no routes of its own — each kind's routes sit behind the kind's
 * permission, registered by the module that declares it (`importRoutes(kind)`). This manifest carries the
 * messages, the personal data imports keep (the uploaded file, initial passwords), the queue and the sweeps.
 */
export const importsManifest: ModuleManifest = {
  key: 'imports',
  title: { zh: '表格导入', en: 'Spreadsheet imports' },
  messages: [importsMessages],
  personalData: { fields: importsPiiFields, notPersonal: importsNotPersonal },
  // Each waiting run queues `imports.run`; the minute's tick takes over runs whose worker died (after 5 minutes).
  queues: [importRunJob],
  jobs: [
    { name: 'imports.takeover', everyMs: 60_000, run: (ctx) => runImportWork(ctx, adoptedImportKinds()) },
    { name: 'imports.sweep', everyMs: 60 * 60_000, run: (ctx) => sweepImports(ctx) },
  ],
};
