import type { Ctx } from '../../platform/context.ts';
import { decryptColumnValue } from '../../platform/pii/column-crypto.ts';
import { maskName, maskPhone } from '../../platform/pii/mask.ts';
import { regionNamesOf } from '../../platform/regions/regions.store.ts';
import type { MerchantView } from './merchants.schema.ts';
import type { MerchantRow } from './merchants.store.ts';

/** The names of the regions the rows stand in (villages and townships), read once per answer. */
export function namesForRows(ctx: Ctx, rows: readonly MerchantRow[]): Promise<Map<string, string>> {
  return regionNamesOf(ctx.db, [...new Set(rows.flatMap((row) => [row.locationCode, row.townshipCode]))]);
}

/** A merchant as staff read it: the operator's name and phone masked (revealed only through /api/pii/reveal). */
export function presentMerchant(ctx: Ctx, row: MerchantRow, names: Map<string, string>): MerchantView {
  const open = (column: 'operator_name_enc' | 'operator_phone_enc', envelope: string) =>
    decryptColumnValue(ctx.keyring, 'merchants_merchant', column, envelope);
  return {
    id: row.id,
    merchantNo: row.merchantNo,
    name: row.name,
    creditCode: row.creditCode,
    licenceNo: row.licenceNo,
    kind: row.kind,
    marketStall: row.marketStall,
    marketId: row.marketId,
    schoolSurroundings: row.schoolSurroundings,
    supervised: row.supervised,
    riskGrade: row.riskGrade,
    status: row.status,
    address: row.address,
    regionCode: row.locationCode,
    regionName: names.get(row.locationCode) ?? row.locationCode,
    townshipCode: row.townshipCode,
    townshipName: names.get(row.townshipCode) ?? row.townshipCode,
    gridCode: row.gridCode,
    lng: row.lng,
    lat: row.lat,
    operatorName: maskName(open('operator_name_enc', row.operatorNameEnc)),
    operatorPhone: row.operatorPhoneEnc ? maskPhone(open('operator_phone_enc', row.operatorPhoneEnc)) : null,
    frontageM: row.frontageDm === null ? null : row.frontageDm / 10,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    revision: row.revision,
  };
}
