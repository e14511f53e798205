import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { queryRows } from '../../../platform/db/rows.ts';
import { decryptColumnValue } from '../../../platform/pii/column-crypto.ts';
import { villagesSeed } from '../../../platform/regions/regions.seed.ts';
import { recordingProgress } from '../../../platform/seed/progress.ts';
import { runSeed } from '../../../platform/seed/run-seed.ts';
import type { SeedOptions } from '../../../platform/seed/seed-step.ts';
import { demoMerchantsSeed } from './demo-merchants.seed.ts';

/** The demo's own options (`wenming seed`'s defaults): the registry is the page's size at every scale. */
export const demoOptions: SeedOptions = { scale: 'county', seed: 430225, countyCode: '430225' };

/** The villages (the merchants stand in them), then the merchants, through the real seed runner. */
export async function seedDemoMerchants(
  ctx: Ctx,
  options: SeedOptions = demoOptions,
): Promise<Array<[number, number]>> {
  await runSeed(ctx, [villagesSeed], options, () => recordingProgress());
  const progress = recordingProgress();
  await runSeed(ctx, [demoMerchantsSeed], options, () => progress);
  return progress.events;
}

export interface StoredMerchant {
  id: string;
  merchant_no: string;
  name: string;
  credit_code: string | null;
  licence_no: string | null;
  kind: string;
  market_stall: boolean;
  market_id: string | null;
  school_surroundings: boolean;
  supervised: boolean;
  risk_grade: string | null;
  status: string;
  address: string;
  lng: number;
  lat: number;
  location_code: string;
  township_code: string;
  frontage_dm: number;
  operator_name_enc: string;
  operator_phone_enc: string | null;
  operator_phone_hmac: string | null;
  created_at: Date;
}

export function storedMerchants(ctx: Ctx): Promise<StoredMerchant[]> {
  return queryRows<StoredMerchant>(ctx.db, sql`select * from merchants_merchant order by merchant_no`);
}

/**
 * Every stored merchant as one line, the operator's name and phone opened (their ciphertexts are random on
 * purpose): equal lists mean the same registry row for row.
 */
export async function registryLines(ctx: Ctx): Promise<string[]> {
  const open = (column: string, value: string | null) =>
    value === null ? '' : decryptColumnValue(ctx.keyring, 'merchants_merchant', column, value);
  return (await storedMerchants(ctx)).map((m) =>
    [
      m.id,
      m.merchant_no,
      m.name,
      m.credit_code,
      m.kind,
      m.market_stall,
      m.market_id,
      m.school_surroundings,
      m.supervised,
      m.risk_grade,
      m.status,
      m.address,
      m.lng,
      m.lat,
      m.location_code,
      m.township_code,
      m.frontage_dm,
      m.created_at.toISOString(),
      open('operator_name_enc', m.operator_name_enc),
      open('operator_phone_enc', m.operator_phone_enc),
      m.operator_phone_hmac,
    ].join('|'),
  );
}
