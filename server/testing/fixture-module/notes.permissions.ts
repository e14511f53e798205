import type { PermissionDeclaration } from '../../platform/module.ts';

/** The module's permissions: routes, grants and the manifest name these constants, never the strings. */
export const notePermissions = { read: 'notes.read' } as const;

/** The same permissions with the names the role administration shows. */
export const notesPermissionDeclarations: readonly PermissionDeclaration[] = [
  { key: notePermissions.read, zh: '查看便签', en: 'Read notes' },
];
