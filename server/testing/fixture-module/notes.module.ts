import type { ModuleManifest } from '../../platform/module.ts';
import { notesMessages } from './notes.messages.ts';
import { notePermissions, notesPermissionDeclarations } from './notes.permissions.ts';
import { registerNoteRoutes } from './notes.routes.ts';

/**
 * The fixture module (docs/modules.md's worked example; tests only, never in server/modules/index.ts): one
 * permission, one read route, one scoped store, one message catalogue.
 */
export const notesManifest: ModuleManifest = {
  key: 'notes',
  title: { zh: '便签（示例模块）', en: 'Notes (example module)' },
  routes: [registerNoteRoutes],
  permissions: notesPermissionDeclarations,
  grants: { coordinator: [notePermissions.read] },
  messages: [notesMessages],
};
