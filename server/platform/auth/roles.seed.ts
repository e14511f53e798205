import { appModules } from '../../modules/index.ts';
import { builtinRoles, withGrants } from '../access/roles.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { upsertBuiltinRoles } from './roles.store.ts';

/** Built-in roles with every module's grants, written at each start so the database follows the code. */
export function effectiveBuiltinRoles() {
  return withGrants(
    builtinRoles,
    appModules.map((m) => m.grants ?? {}),
  );
}

export async function ensureBuiltinRoles(ctx: Ctx): Promise<void> {
  await tx(ctx, (t) => upsertBuiltinRoles(t.db, t.countyCode, effectiveBuiltinRoles()));
}
