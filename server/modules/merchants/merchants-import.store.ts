import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { merchantsMerchant } from '../../db/schema/merchants.ts';
import type { Db } from '../../platform/db/database.ts';

/** Which of these credit codes the county's merchants already hold (the import kit's duplicate check). */
export async function takenCreditCodes(db: Db, county: string, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const m = merchantsMerchant;
  const rows = await db
    .select({ creditCode: m.creditCode })
    .from(m)
    .where(and(eq(m.regionCode, county), inArray(m.creditCode, [...codes])));
  return new Set(rows.map((row) => row.creditCode as string));
}

/**
 * Every licence number the county's merchants hold, with the merchant holding it: read once per import pass
 * (the kit checks one identity per batch, the credit code; the licence is the registry's second identity).
 */
export async function licenceHolders(db: Db, county: string): Promise<Map<string, string>> {
  const m = merchantsMerchant;
  const rows = await db
    .select({ licenceNo: m.licenceNo, merchantNo: m.merchantNo })
    .from(m)
    .where(and(eq(m.regionCode, county), isNotNull(m.licenceNo)));
  return new Map(rows.map((row) => [row.licenceNo as string, row.merchantNo]));
}
