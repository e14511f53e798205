import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { systemCtx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { adoptedImportKinds } from '../../platform/imports/adopted-kinds.ts';
import { runImportWork } from '../../platform/imports/worker.ts';
import { decryptColumnValue } from '../../platform/pii/column-crypto.ts';
import type { Keyring } from '../../platform/pii/keyring.ts';
import type { TestApp } from '../../testing/test-app.ts';
import type { SignedIn } from '../../testing/test-auth.ts';

export const registryImport = '/api/imports/merchants.registry';

/** The registry import through its real routes, as the web page drives it; `work()` runs the worker's passes. */
export function importClient(t: TestApp) {
  const headers = (actor: SignedIn | null, locale = 'zh-CN') => ({
    ...(actor?.headers ?? {}),
    'accept-language': locale,
  });
  const get = (url: string, actor: SignedIn | null, locale?: string) =>
    t.app.inject({ method: 'GET', url, headers: headers(actor, locale) });
  return {
    upload: (actor: SignedIn | null, bytes: Buffer, fileName = 'merchants.xlsx') =>
      t.app.inject({
        method: 'POST',
        url: `${registryImport}/runs?fileName=${fileName}`,
        headers: { ...headers(actor), 'content-type': 'application/octet-stream' },
        payload: bytes,
      }),
    get,
    run: async (id: string, actor: SignedIn) => (await get(`${registryImport}/runs/${id}`, actor)).json(),
    errors: async (id: string, actor: SignedIn, locale = 'zh-CN') =>
      (await get(`${registryImport}/runs/${id}/errors?pageSize=200`, actor, locale)).json().items as RowErrorView[],
    commit: (id: string, actor: SignedIn, mode: 'all' | 'valid') =>
      t.app.inject({
        method: 'POST',
        url: `${registryImport}/runs/${id}/commit`,
        headers: headers(actor),
        payload: { mode },
      }),
    work: () => {
      const { database, config, keyring } = t.app.deps;
      const ctx = systemCtx(database, { countyCode: config.countyCode, keyring }, { clock: t.clock });
      return runImportWork(ctx, adoptedImportKinds());
    },
  };
}

export interface RowErrorView {
  rowNumber: number;
  column: string | null;
  columnHeader: string | null;
  code: string;
  message: string;
}

/** Upload, dry run and commit of the valid rows, failing loudly at any step: answers the run. */
export async function importFile(t: TestApp, actor: SignedIn, bytes: Buffer) {
  const client = importClient(t);
  const uploaded = await client.upload(actor, bytes);
  if (uploaded.statusCode !== 201) throw new Error(`upload: ${uploaded.statusCode} ${uploaded.body}`);
  await client.work();
  const checked = await client.run(uploaded.json().id, actor);
  if (checked.status !== 'checked') throw new Error(`dry run: ${JSON.stringify(checked)}`);
  const committing = await client.commit(checked.id, actor, 'valid');
  if (committing.statusCode !== 202) throw new Error(`commit: ${committing.statusCode} ${committing.body}`);
  await client.work();
  return client.run(checked.id, actor);
}

/** A stored merchant with its operator opened: what an import must have written, compared field by field. */
export interface StoredMerchant {
  merchant_no: string;
  name: string;
  credit_code: string | null;
  licence_no: string | null;
  kind: string;
  market_stall: boolean;
  school_surroundings: boolean;
  supervised: boolean;
  risk_grade: string | null;
  address: string;
  location_code: string;
  township_code: string;
  grid_code: string | null;
  lng: number | null;
  lat: number | null;
  frontage_dm: number | null;
  operator_name_enc: string;
  operator_phone_enc: string | null;
  operator_phone_hmac: string | null;
  operatorName: string;
  operatorPhone: string | null;
}

export async function storedMerchants(database: Database, keyring: Keyring): Promise<StoredMerchant[]> {
  const rows = await queryRows<Omit<StoredMerchant, 'operatorName' | 'operatorPhone'>>(
    database.db,
    sql`select merchant_no, name, credit_code, licence_no, kind, market_stall, school_surroundings, supervised,
               risk_grade, address, location_code, township_code, grid_code, lng, lat, frontage_dm,
               operator_name_enc, operator_phone_enc, operator_phone_hmac
          from merchants_merchant order by merchant_no`,
  );
  const open = (column: string, envelope: string) =>
    decryptColumnValue(keyring, 'merchants_merchant', column, envelope);
  return rows.map((row) => ({
    ...row,
    operatorName: open('operator_name_enc', row.operator_name_enc),
    operatorPhone: row.operator_phone_enc === null ? null : open('operator_phone_enc', row.operator_phone_enc),
  }));
}

/** The first sheet of an .xlsx answer, as rows of cell values (ExcelJS leaves a blank cell out: undefined). */
export async function sheetRows(bytes: Buffer): Promise<{ name: string; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}
