import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { CheckedMerchant } from './merchant-input.ts';
import { findMarket, merchantsByIdentity } from './merchants.store.ts';

/**
 * A merchant is one registration: its credit code and its licence number may not belong to another merchant of
 * the county (`self`: the merchant being edited). Checked in the writing transaction; the unique indexes are the
 * last word should two registrations race.
 */
export async function assertIdentityFree(t: Ctx, merchant: CheckedMerchant, self: string | null): Promise<void> {
  const holders = await merchantsByIdentity(t.db, t.countyCode, {
    creditCodes: merchant.creditCode ? [merchant.creditCode] : [],
    licenceNos: merchant.licenceNo ? [merchant.licenceNo] : [],
  });
  for (const holder of holders) {
    if (holder.id === self) continue;
    if (merchant.creditCode && holder.creditCode === merchant.creditCode) {
      throw AppError.field('creditCode', 'merchants.credit_code_taken', { merchantNo: holder.merchantNo });
    }
    throw AppError.field('licenceNo', 'merchants.licence_taken', { merchantNo: holder.merchantNo });
  }
}

/** A stall names a market that exists in the county. */
export async function assertMarket(t: Ctx, merchant: CheckedMerchant): Promise<void> {
  if (merchant.marketId === null) return;
  if (!(await findMarket(t.db, t.countyCode, merchant.marketId))) {
    throw AppError.field('marketId', 'merchants.market_unknown');
  }
}
