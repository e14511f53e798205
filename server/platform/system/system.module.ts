import { databaseUnavailableMessages } from '../http/database-unavailable.ts';
import { frameworkErrorMessages } from '../http/framework-errors.ts';
import { shuttingDownMessages } from '../http/shutdown.ts';
import { storableTextMessages } from '../http/storable-text.ts';
import type { ModuleManifest } from '../module.ts';
import { validationMessages } from '../validation/messages.ts';

/**
 * Health, readiness, /api/meta and metrics: app.ts registers these routes itself (they describe the whole
 * app, so they take the manifest list); this manifest declares the system administrator's permissions and the
 * messages of the HTTP plumbing app.ts installs for every route (router refusals, text PostgreSQL cannot store, the database out of reach, a stop).
 */
export const systemManifest: ModuleManifest = {
  key: 'system',
  title: { zh: '系统', en: 'System' },
  // validationMessages: the words of the shared validators' reasons (uscc.check_digit, …) that field errors name.
  messages: [
    frameworkErrorMessages,
    storableTextMessages,
    databaseUnavailableMessages,
    shuttingDownMessages,
    validationMessages,
  ],
  permissions: [
    { key: 'system.config', zh: '系统配置', en: 'System settings' },
    { key: 'system.metrics', zh: '运行指标', en: 'Runtime metrics' },
    { key: 'system.backup', zh: '备份与恢复', en: 'Backup and restore' },
  ],
};
