import { findUserById } from '../auth/users.store.ts';
import type { Ctx } from '../context.ts';
import { isInSubtree } from '../regions/region-scope.ts';
import { decryptColumnValue } from './column-crypto.ts';
import type { Revealer } from './reveal.ts';

/** Ids are UUIDs; anything else cannot name a user (and would be a type error in PostgreSQL, not a 404). */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A staff account's phone, for an actor whose data scope covers the account's scope: a township officer sees
 * the phones of the township's and its villages' accounts, not those of the county office or of another
 * township (DESIGN rule 1: out of scope is "not found").
 */
export async function loadUserPhone(ctx: Ctx, userId: string): Promise<string | null> {
  const actor = ctx.actor;
  if (!actor || !uuid.test(userId)) return null;
  const row = await findUserById(ctx.db, ctx.countyCode, userId);
  if (!row?.phoneEnc || !isInSubtree(row.scopeRegion, actor.scopeRegion)) return null;
  return decryptColumnValue(ctx.keyring, 'app_user', 'phone_enc', row.phoneEnc);
}

/** A staff account's revealable fields, declared in the pii manifest. */
export const userRevealer: Revealer = {
  objectType: 'user',
  fields: {
    phone: { category: 'contact', permission: 'pii.reveal.phone', load: loadUserPhone },
  },
};
