import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { tx } from '../../platform/db/tx.ts';
import { sealColumnValue } from '../../platform/pii/column-crypto.ts';
import { assertIdentityFree, assertMarket } from './merchant-identity.ts';
import type { CheckedMerchant } from './merchant-input.ts';
import { getMerchant } from './read-merchants.ts';
import type { MerchantView } from './merchants.schema.ts';
import { insertMerchants, type NewMerchantRow } from './merchants.store.ts';

/** The row to store for a checked merchant: the operator's name and phone sealed, the phone blind-indexed. */
export function merchantRowOf(t: Ctx, merchant: CheckedMerchant, id: string, now: Date): NewMerchantRow {
  const { operatorName, operatorPhone, ...fields } = merchant;
  const phone =
    operatorPhone === null
      ? null
      : sealColumnValue(t.keyring, 'merchants_merchant', 'operator_phone_enc', operatorPhone);
  return {
    ...fields,
    regionCode: t.countyCode,
    id,
    operatorNameEnc: sealColumnValue(t.keyring, 'merchants_merchant', 'operator_name_enc', operatorName).value,
    operatorPhoneEnc: phone?.value ?? null,
    operatorPhoneHmac: phone?.blindIndex ?? null,
    createdAt: now,
    createdBy: t.actor?.kind === 'user' ? t.actor.id : null,
    updatedAt: now,
  };
}

/** 登记商户: one merchant, checked for a duplicate registration, stored with its audit row. */
export async function registerMerchant(ctx: Ctx, merchant: CheckedMerchant): Promise<MerchantView> {
  const id = randomUUID();
  await tx(ctx, async (t) => {
    await assertIdentityFree(t, merchant, null);
    await assertMarket(t, merchant);
    const [stored] = await insertMerchants(t.db, [merchantRowOf(t, merchant, id, t.clock())]);
    await recordAudit(t, {
      eventType: 'merchants.register',
      action: 'create',
      objectType: 'merchant',
      objectId: id,
      details: { merchantNo: stored?.merchantNo, kind: merchant.kind, township: merchant.townshipCode },
    });
  });
  return getMerchant(ctx, id);
}
