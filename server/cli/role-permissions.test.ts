import fs from 'node:fs';
import { expect, it } from 'vitest';
import { generateRolePermissions, rolePermissionsFile } from './role-permissions.ts';

/** The web tests' roles are the server's: CI fails when a grant changed and the copy was not regenerated. */
it('web/src/test/rolePermissions.gen.ts matches the roles and grants (regenerate it when it does not)', () => {
  const committed = fs.existsSync(rolePermissionsFile) ? fs.readFileSync(rolePermissionsFile, 'utf8') : '';
  expect(
    committed === generateRolePermissions(),
    'web/src/test/rolePermissions.gen.ts is out of date: run `node --import tsx server/cli/role-permissions.ts`',
  ).toBe(true);
});
