import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { tx } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { decryptColumnValue } from '../../platform/pii/column-crypto.ts';
import { assertIdentityFree, assertMarket } from './merchant-identity.ts';
import type { CheckedMerchant } from './merchant-input.ts';
import { getMerchant, loadVisibleMerchant } from './read-merchants.ts';
import { merchantRowOf } from './register-merchant.ts';
import type { MerchantEditBody, MerchantView } from './merchants.schema.ts';
import { type MerchantRow, updateMerchant } from './merchants.store.ts';

/**
 * 修改商户档案: the editor sends the whole record with the revision they read; a stale revision is a 409 and
 * nothing is written. A deregistered (注销) merchant is history and stays as it is. The audit row names the
 * fields that changed, never their values.
 */
export async function editMerchant(
  ctx: Ctx,
  id: string,
  merchant: CheckedMerchant,
  edit: Pick<MerchantEditBody, 'status' | 'revision'>,
): Promise<MerchantView> {
  await tx(ctx, async (t) => {
    const before = await loadVisibleMerchant(t, id);
    if (before.status === 'closed') throw AppError.field('status', 'merchants.closed');
    await assertIdentityFree(t, merchant, id);
    await assertMarket(t, merchant);
    const now = t.clock();
    const {
      regionCode: _county,
      id: _id,
      createdAt: _c,
      createdBy: _b,
      ...values
    } = merchantRowOf(t, merchant, id, now);
    const changed = changedFields(t, before, merchant);
    const after = await updateMerchant(t.db, t.countyCode, id, edit.revision, {
      ...values,
      status: edit.status,
      closedAt: edit.status === 'closed' ? now : null,
    });
    if (!after) throw staleRevision();
    await recordAudit(t, {
      eventType: edit.status === 'closed' ? 'merchants.close' : 'merchants.edit',
      action: 'update',
      objectType: 'merchant',
      objectId: id,
      details: {
        merchantNo: before.merchantNo,
        changed,
        status: edit.status === before.status ? undefined : `${before.status}→${edit.status}`,
      },
    });
  });
  return getMerchant(ctx, id);
}

function staleRevision(): AppError {
  return new AppError(
    409,
    'stale_revision',
    'merchants.revision_stale',
    {},
    { revision: { key: 'merchants.revision_stale' } },
  );
}

/** The names of the fields an edit changes (the operator's compared in clear, as the envelopes always differ). */
function changedFields(t: Ctx, before: MerchantRow, merchant: CheckedMerchant): string[] {
  const open = (column: 'operator_name_enc' | 'operator_phone_enc', envelope: string | null) =>
    envelope === null ? null : decryptColumnValue(t.keyring, 'merchants_merchant', column, envelope);
  const was: Record<string, unknown> = {
    ...before,
    operatorName: open('operator_name_enc', before.operatorNameEnc),
    operatorPhone: open('operator_phone_enc', before.operatorPhoneEnc),
  };
  return Object.entries(merchant)
    .filter(([key, value]) => was[key] !== value)
    .map(([key]) => key);
}
