import { requireInScope } from '../../../platform/access/scope.ts';
import { shanghaiDayOf } from '../../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { decryptColumnValue } from '../../../platform/pii/column-crypto.ts';
import { maskName } from '../../../platform/pii/mask.ts';
import { regionNamesOf } from '../../../platform/regions/regions.store.ts';
import { merchantScopeOf } from '../merchants.policy.ts';
import type { MerchantRow } from '../merchants.store.ts';
import { loadVisibleMerchant } from '../read-merchants.ts';
import { standingOn } from './agreement-term.ts';
import type { AgreementView } from './agreements.schema.ts';
import { type AgreementRow, agreementExists, agreementsOfMerchant, findAgreement } from './agreements.store.ts';

/** An agreement in the reader's scope (its merchant's place); another township's is an audited 404. */
export async function loadVisibleAgreement(ctx: Ctx, id: string): Promise<AgreementRow> {
  if (!ctx.actor) throw AppError.unauthenticated();
  const scope = merchantScopeOf(ctx.actor);
  return requireInScope(
    ctx,
    { objectType: 'agreement', objectId: id, what: 'what.agreement' },
    () => findAgreement(ctx.db, ctx.countyCode, scope, id),
    () => agreementExists(ctx.db, ctx.countyCode, id),
  );
}

/** The agreement with its merchant, both read in the reader's scope. */
export async function loadAgreementWithMerchant(
  ctx: Ctx,
  id: string,
): Promise<{ agreement: AgreementRow; merchant: MerchantRow }> {
  const agreement = await loadVisibleAgreement(ctx, id);
  return { agreement, merchant: await loadVisibleMerchant(ctx, agreement.merchantId) };
}

export function signerNameOf(ctx: Ctx, row: AgreementRow): string | null {
  return row.signerNameEnc
    ? decryptColumnValue(ctx.keyring, 'merchants_agreement', 'signer_name_enc', row.signerNameEnc)
    : null;
}

export async function presentAgreements(
  ctx: Ctx,
  rows: readonly AgreementRow[],
  merchant: MerchantRow,
): Promise<AgreementView[]> {
  const names = await regionNamesOf(ctx.db, [...new Set(rows.flatMap((r) => [r.townshipCode, r.villageCode]))]);
  const today = shanghaiDayOf(ctx.clock());
  return rows.map((row) => {
    const signer = signerNameOf(ctx, row);
    return {
      id: row.id,
      agreementNo: row.agreementNo,
      merchantId: row.merchantId,
      merchantNo: merchant.merchantNo,
      merchantName: merchant.name,
      templateVersion: row.templateVersion,
      title: row.title,
      duties: row.duties,
      clauses: row.clauses,
      zoneLengthM: row.zoneLengthDm / 10,
      zoneDepthM: row.zoneDepthDm / 10,
      zoneDescription: row.zoneDescription,
      townshipCode: row.townshipCode,
      townshipName: names.get(row.townshipCode) ?? row.townshipCode,
      villageCode: row.villageCode,
      villageName: names.get(row.villageCode) ?? row.villageCode,
      termStart: row.termStart,
      termEnd: row.termEnd,
      status: row.status,
      standing: standingOn(today, row),
      renews: row.renews,
      signedAt: row.signedAt?.toISOString() ?? null,
      signerName: signer === null ? null : maskName(signer),
      signatureKind: row.signatureKind,
      terminatedAt: row.terminatedAt?.toISOString() ?? null,
      terminationReason: row.terminationReason,
      revision: row.revision,
    };
  });
}

export async function getAgreement(ctx: Ctx, id: string): Promise<AgreementView> {
  const { agreement, merchant } = await loadAgreementWithMerchant(ctx, id);
  const [view] = await presentAgreements(ctx, [agreement], merchant);
  return view as AgreementView;
}

export async function listMerchantAgreements(ctx: Ctx, merchantId: string): Promise<{ items: AgreementView[] }> {
  const merchant = await loadVisibleMerchant(ctx, merchantId);
  return {
    items: await presentAgreements(ctx, await agreementsOfMerchant(ctx.db, ctx.countyCode, merchant.id), merchant),
  };
}
