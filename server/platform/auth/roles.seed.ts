import { builtinRoles, withGrants } from '../access/roles.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import type { ModuleManifest } from '../module.ts';
import { upsertBuiltinRoles } from './roles.store.ts';

/** Built-in roles with the manifests' grants, written at each start so the database follows the code. */
export function effectiveBuiltinRoles(manifests: readonly ModuleManifest[]) {
  return withGrants(
    builtinRoles,
    manifests.map((m) => m.grants ?? {}),
  );
}

export async function ensureBuiltinRoles(ctx: Ctx, manifests: readonly ModuleManifest[]): Promise<void> {
  await tx(ctx, (t) => upsertBuiltinRoles(t.db, t.countyCode, effectiveBuiltinRoles(manifests)));
}
