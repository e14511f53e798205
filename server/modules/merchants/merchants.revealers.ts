import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { decryptColumnValue } from '../../platform/pii/column-crypto.ts';
import type { Revealer } from '../../platform/pii/reveal.ts';
import { revealOperatorPermission } from './merchants.permissions.ts';
import { loadVisibleMerchant } from './read-merchants.ts';
import type { MerchantRow } from './merchants.store.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The merchant in the revealer's scope: out of scope and missing both answer undefined (reveal.ts: one 404). */
async function visibleMerchant(ctx: Ctx, id: string): Promise<MerchantRow | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  try {
    return await loadVisibleMerchant(ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return undefined;
    throw error;
  }
}

async function loadOperatorName(ctx: Ctx, id: string): Promise<string | null> {
  const row = await visibleMerchant(ctx, id);
  return row ? decryptColumnValue(ctx.keyring, 'merchants_merchant', 'operator_name_enc', row.operatorNameEnc) : null;
}

async function loadOperatorPhone(ctx: Ctx, id: string): Promise<string | null> {
  const row = await visibleMerchant(ctx, id);
  return row?.operatorPhoneEnc
    ? decryptColumnValue(ctx.keyring, 'merchants_merchant', 'operator_phone_enc', row.operatorPhoneEnc)
    : null;
}

/** A merchant's revealable fields (POST /api/pii/reveal with objectType 'merchant'), declared in the manifest. */
export const merchantRevealer: Revealer = {
  objectType: 'merchant',
  fields: {
    operatorName: { category: 'name', permission: revealOperatorPermission, load: loadOperatorName },
    operatorPhone: { category: 'contact', permission: revealOperatorPermission, load: loadOperatorPhone },
  },
};
